package com.mspimporter.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.mspimporter.standin.Endpoint;

/**
 * Whole-job runs against an API that rejects or fails some calls: which rows fail, which are partial, when the
 * whole run stops, and what the results file then shows.
 */
class FaultTest {

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/FinOpsReader";

    @TempDir
    Path folder;

    private ImportFixture fixture;
    private ApiJournal journal;

    @BeforeEach
    void startApi() {
        fixture = new ImportFixture(folder);
        journal = new ApiJournal(fixture.api().server());
    }

    @AfterEach
    void stopApi() {
        fixture.close();
    }

    @Test
    void badRequestFailsOnlyItsRow() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Rejected Records Ltd,,AWS,," + ROLE_ARN + ",,,,,,,ana@records.example,\n"
                + "Alder Mills,,,,,,,,,,,ben@alder.example,\n");

        int exitCode = fixture.run(csv, "--importer.concurrency=1");

        assertThat(exitCode).isEqualTo(3);
        assertThat(journal.createCustomer("Rejected Records Ltd")).hasSize(1);
        assertThat(journal.to(Endpoint.ONBOARDING_LINK)).isEmpty();
        assertThat(journal.to(Endpoint.CREATE_INTEGRATION)).isEmpty();
        assertThat(journal.to(Endpoint.ADD_USERS)).hasSize(1);
        ResultsFile results = fixture.resultsOf(csv);
        Map<String, String> failed = results.row(1);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("failed_step")).isEqualTo("create_customer");
        assertThat(failed.get("error")).contains("HTTP 400").contains("Customer name is not allowed");
        assertThat(failed.get("customer_id")).isEmpty();
        assertThat(failed.get("attempts")).isEqualTo("1");
        assertThat(failed.get("finished_at")).isNotEmpty();
        assertThat(results.row(2).get("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void conflictOnCreateIntegrationMakesRowPartial() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Tidewater Marine,,AWS,Tidewater-Duplicate-AWS," + ROLE_ARN + ",,,,,,,cy@tidewater.example,\n"
                + "Alder Mills,,,,,,,,,,,ben@alder.example,\n");

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(3);
        Map<String, String> partial = fixture.resultsOf(csv).row(1);
        String customerId = ApiJournal.responseBody(journal.createCustomer("Tidewater Marine").get(0))
                .path("data").path("customer_id").stringValue();
        assertThat(partial.get("status")).isEqualTo("PARTIAL");
        assertThat(partial.get("customer_id")).isEqualTo(customerId);
        assertThat(partial.get("failed_step")).isEqualTo("create_integration");
        assertThat(partial.get("error")).contains("HTTP 409").contains("An integration with this name already exists");
        assertThat(partial.get("integration_id")).isEmpty();
        // the users do not depend on the integration, so they are still added
        assertThat(partial.get("users_added")).isEqualTo("cy@tidewater.example");
        assertThat(journal.toPath("/msp/customers/" + customerId + "/integrations")).hasSize(1);
        assertThat(fixture.resultsOf(csv).row(2).get("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void failedUsersMakeRowPartial() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n"
                + "Orchard Lane,dee@orchard.example;unknown.person@orchard.example;eli@orchard.example\n");

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(3);
        Map<String, String> line = fixture.resultsOf(csv).row(1);
        assertThat(line.get("status")).isEqualTo("PARTIAL");
        assertThat(line.get("users_added")).isEqualTo("dee@orchard.example;eli@orchard.example");
        assertThat(line.get("users_failed")).isEqualTo("unknown.person@orchard.example: User not found");
        assertThat(line.get("customer_id")).isNotEmpty();
        assertThat(journal.to(Endpoint.ADD_USERS)).hasSize(1);
    }

    @Test
    void unauthorizedAnswerStopsRunAtOnce() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n" + rowsWithUsers(30));
        fixture.api().stub(1, post(urlPathMatching(Endpoint.ADD_USERS.pathRegex()))
                .willReturn(jsonError(401, "Invalid API key")));

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(1);
        // at most one row per worker thread got as far as its users before the run stopped
        assertThat(fixture.api().requestCount(Endpoint.ADD_USERS)).isBetween(1L, 8L);
        assertThat(fixture.api().requestCount()).isLessThanOrEqualTo(16);
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.lines()).hasSize(30);
        assertThat(results.column("status")).containsOnly("PENDING");
        assertThat(results.column("finished_at")).containsOnly("");
        assertThat(results.row(30).get("attempts")).isEqualTo("0");
    }

    @Test
    void forbiddenCreateCustomerStopsRunAtOnce() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n" + rowsWithUsers(30));
        fixture.api().stub(1, post(urlPathEqualTo("/msp/customers"))
                .willReturn(jsonError(403, "This key may not create customers")));

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(1);
        assertThat(fixture.api().requestCount()).isBetween(1L, 8L);
        assertThat(fixture.api().requestCount(Endpoint.ADD_USERS)).isZero();
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.lines()).hasSize(30);
        assertThat(results.column("status")).containsOnly("PENDING");
        assertThat(results.row(30).get("attempts")).isEqualTo("0");
    }

    @Test
    void failingApiOpensCircuitBreaker() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n" + rowsWithUsers(40));
        fixture.api().stub(1, post(urlPathEqualTo("/msp/customers"))
                .willReturn(jsonError(503, "Service temporarily unavailable")));

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(1);
        // The breaker decides once its window of 20 requests is full. Each of the 8 rows in flight may still send a
        // request permitted just before it opened, and one more racing the state change: far below 40 rows x 5 tries.
        assertThat(fixture.api().requestCount()).isBetween(10L, 36L);
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.lines()).hasSize(40);
        assertThat(results.column("status")).containsOnly("PENDING");
        assertThat(results.column("customer_id")).containsOnly("");
    }

    @Test
    void forbiddenAddUsersFailsOnlyThatRow() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n"
                + "Alder Mills,ann@alder.example\n"
                + "Birch Textiles,hal@birch.example\n"
                + "Cedar Works,ivy@cedar.example\n");
        fixture.api().stub(1, post(urlPathMatching(Endpoint.ADD_USERS.pathRegex()))
                .withRequestBody(matchingJsonPath("$.user_emails[0]", equalTo("hal@birch.example")))
                .willReturn(jsonError(403, "Not allowed to manage this customer's users")));

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(3);
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.column("status")).containsExactly("SUCCEEDED", "PARTIAL", "SUCCEEDED");
        Map<String, String> partial = results.row(2);
        assertThat(partial.get("failed_step")).isEqualTo("add_users");
        assertThat(partial.get("error")).contains("HTTP 403").contains("Not allowed to manage this customer's users");
        assertThat(partial.get("customer_id")).isNotEmpty();
        assertThat(partial.get("users_added")).isEmpty();
        assertThat(partial.get("attempts")).isEqualTo("2");
    }

    @Test
    void serviceUnavailableOnCreateCustomerIsRetried() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n"
                + "Flaky Crust Bakery,jo@flaky.example\n"
                + "Alder Mills,ann@alder.example\n");

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isZero();
        List<ServeEvent> creates = journal.createCustomer("Flaky Crust Bakery");
        assertThat(creates).extracting(create -> create.getResponse().getStatus()).containsExactly(503, 200);
        assertThat(ApiJournal.header(creates.get(1), "Idempotency-Key"))
                .isEqualTo(ApiJournal.header(creates.get(0), "Idempotency-Key"));
        Map<String, String> line = fixture.resultsOf(csv).row(1);
        assertThat(line.get("status")).isEqualTo("SUCCEEDED");
        assertThat(line.get("customer_id"))
                .isEqualTo(ApiJournal.responseBody(creates.get(1)).path("data").path("customer_id").stringValue());
        assertThat(line.get("attempts")).isEqualTo("3");
    }

    @Test
    void lostAnswerOnCreateCustomerIsInDoubt() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Lost Answer Co,,AWS,," + ROLE_ARN + ",,,,,,,kim@lost.example,\n"
                + "Alder Mills,,,,,,,,,,,ann@alder.example,\n");
        fixture.api().stub(1, post(urlPathEqualTo("/msp/customers"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Lost Answer Co")))
                .willReturn(jsonError(500, "Internal error")));

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(3);
        assertThat(journal.createCustomer("Lost Answer Co")).hasSize(1);
        assertThat(journal.to(Endpoint.ONBOARDING_LINK)).isEmpty();
        assertThat(journal.to(Endpoint.ADD_USERS)).hasSize(1);
        Map<String, String> line = fixture.resultsOf(csv).row(1);
        assertThat(line.get("status")).isEqualTo("IN_DOUBT");
        assertThat(line.get("failed_step")).isEqualTo("create_customer");
        assertThat(line.get("error")).containsIgnoringCase("check").contains("customer_id");
        assertThat(line.get("customer_id")).isEmpty();
        assertThat(line.get("attempts")).isEqualTo("1");
        assertThat(fixture.resultsOf(csv).row(2).get("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void inDoubtCustomerNotResentForSecondRow() {
        fixture.write("keys/lost.json", ImportFixture.KEY_JSON);
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Lost Answer Co,,AWS,," + ROLE_ARN + ",,,,,,,,\n"
                + "\" lost  answer CO\",,GCP,,,,,lost-billing,billing_export,gcp_billing_export_v1,keys/lost.json,,\n");
        fixture.api().stub(1, post(urlPathEqualTo("/msp/customers"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Lost Answer Co")))
                .willReturn(jsonError(500, "Internal error")));
        fixture.api().stub(1, post(urlPathEqualTo("/msp/customers"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("lost  answer CO")))
                .willReturn(jsonError(500, "Internal error")));

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(3);
        assertThat(fixture.api().requestCount()).isEqualTo(1);
        assertThat(fixture.resultsOf(csv).column("status")).containsExactly("IN_DOUBT", "IN_DOUBT");
    }

    private static String rowsWithUsers(int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            rows.append("Customer ").append(i).append(",user").append(i).append("@example.com\n");
        }
        return rows.toString();
    }

    private static ResponseDefinitionBuilder jsonError(int status, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"" + message + "\"}");
    }
}
