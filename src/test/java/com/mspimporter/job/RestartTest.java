package com.mspimporter.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.mspimporter.standin.Endpoint;

/**
 * Several runs against one job database: a stopped run is continued without repeating a finished call, a
 * completed file sends nothing, and customers and integrations are remembered across files.
 */
class RestartTest {

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/FinOpsReader";
    private static final String GCP_CELLS =
            "tidewater-billing,billing_export,gcp_billing_export_v1,keys/tidewater.json";

    @TempDir
    Path folder;

    private ImportFixture fixture;
    private ApiJournal journal;

    @BeforeEach
    void startApi() {
        fixture = new ImportFixture(folder);
        journal = new ApiJournal(fixture.api().server());
        fixture.write("keys/tidewater.json", ImportFixture.KEY_JSON);
    }

    @AfterEach
    void stopApi() {
        fixture.close();
    }

    @Test
    void restartFinishesStoppedRunWithoutRepeatingCalls() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n"
                + "Alder Mills,ann@alder.example\n"
                + "Birch Textiles,bo@birch.example\n"
                + "Cedar Works,cy@cedar.example\n"
                + "Dunmore Ltd,di@dunmore.example\n"
                + "Elm Street Bakery,ed@elm.example\n");
        StubMapping unauthorized = fixture.api().stub(1, post(urlPathMatching(Endpoint.ADD_USERS.pathRegex()))
                .withRequestBody(matchingJsonPath("$.user_emails[0]", equalTo("cy@cedar.example")))
                .willReturn(jsonError(401, "Invalid API key")));

        int firstExitCode = fixture.run(csv, "--importer.concurrency=1");

        assertThat(firstExitCode).isEqualTo(1);
        ResultsFile stopped = fixture.resultsOf(csv);
        assertThat(stopped.column("status")).containsExactly("SUCCEEDED", "SUCCEEDED", "PENDING", "PENDING", "PENDING");
        assertThat(stopped.row(3).get("customer_id")).isNotEmpty();
        assertThat(stopped.row(3).get("finished_at")).isEmpty();
        assertThat(journal.createCustomer("Dunmore Ltd")).isEmpty();

        fixture.api().server().removeStub(unauthorized);
        int secondExitCode = fixture.run(csv, "--importer.concurrency=1");

        assertThat(secondExitCode).isZero();
        ResultsFile finished = fixture.resultsOf(csv);
        assertThat(finished.column("status")).containsOnly("SUCCEEDED");
        for (String name : finished.column("customer_name")) {
            assertThat(journal.createCustomer(name)).as("create_customer requests for %s", name).hasSize(1);
        }
        String cedarId = stopped.row(3).get("customer_id");
        assertThat(finished.row(3).get("customer_id")).isEqualTo(cedarId);
        assertThat(journal.toPath("/msp/customers/" + cedarId + "/users"))
                .extracting(call -> call.getResponse().getStatus())
                .containsExactly(401, 200);
        assertThat(finished.row(3).get("attempts")).isEqualTo("3");
        assertThat(finished.row(1).get("customer_id")).isEqualTo(stopped.row(1).get("customer_id"));
        assertThat(journal.to(Endpoint.ADD_USERS)).hasSize(6);
    }

    @Test
    void completedFileSendsNothingAndRewritesResults() throws IOException {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n"
                + "Alder Mills,ann@alder.example\n"
                + "Rejected Records Ltd,ro@records.example\n");
        assertThat(fixture.run(csv)).isEqualTo(3);
        List<Map<String, String>> firstResults = fixture.resultsOf(csv).lines();
        fixture.api().server().resetRequests();
        Files.delete(fixture.resultsFileOf(csv));

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(3);
        assertThat(fixture.api().server().getAllServeEvents()).isEmpty();
        assertThat(fixture.resultsFileOf(csv)).exists();
        assertThat(fixture.resultsOf(csv).lines()).isEqualTo(firstResults);
    }

    @Test
    void sameContentUnderOtherNameSendsNothing() throws IOException {
        String content = "customer_name,user_emails\nAlder Mills,ann@alder.example\nBirch Textiles,bo@birch.example\n";
        Path csv = fixture.write("customers.csv", content);
        assertThat(fixture.run(csv)).isZero();
        fixture.api().server().resetRequests();
        Path copy = fixture.write("customers-copy.csv", content);

        int exitCode = fixture.run(copy);

        assertThat(exitCode).isZero();
        assertThat(fixture.api().server().getAllServeEvents()).isEmpty();
        ResultsFile copyResults = fixture.resultsOf(copy);
        assertThat(fixture.resultsFileOf(copy).getFileName()).hasToString("customers-copy.results.csv");
        assertThat(copyResults.column("status")).containsExactly("SUCCEEDED", "SUCCEEDED");
        assertThat(copyResults.column("customer_id")).isEqualTo(fixture.resultsOf(csv).column("customer_id"));
    }

    @Test
    void editedCopyCreatesOnlyNewCustomers() {
        String original = ImportFixture.HEADER
                + "Fernhill Dairy,,AWS,," + ROLE_ARN + ",,,,,,,ana@fernhill.example,\n"
                + "Tidewater Marine,,GCP,,,,," + GCP_CELLS + ",cy@tidewater.example,\n";
        Path csv = fixture.write("customers.csv", original);
        assertThat(fixture.run(csv)).isZero();
        ResultsFile firstResults = fixture.resultsOf(csv);
        fixture.api().server().resetRequests();
        Path edited = fixture.write("customers-edited.csv", original
                + "Orchard Lane,,,,,,,,,,,dee@orchard.example,\n");

        int exitCode = fixture.run(edited);

        assertThat(exitCode).isZero();
        assertThat(journal.to(Endpoint.CREATE_CUSTOMER))
                .extracting(call -> ApiJournal.requestBody(call).path("name").stringValue())
                .containsExactly("Orchard Lane");
        assertThat(journal.to(Endpoint.ONBOARDING_LINK)).isEmpty();
        assertThat(journal.to(Endpoint.CREATE_INTEGRATION)).isEmpty();
        ResultsFile results = fixture.resultsOf(edited);
        assertThat(results.column("status")).containsOnly("SUCCEEDED");
        for (int row = 1; row <= 2; row++) {
            assertThat(results.row(row).get("customer_id")).isEqualTo(firstResults.row(row).get("customer_id"));
            assertThat(results.row(row).get("integration_id")).isEqualTo(firstResults.row(row).get("integration_id"));
        }
        assertThat(results.row(1).get("external_id")).isEqualTo(firstResults.row(1).get("external_id"));
    }

    @Test
    void inDoubtCustomerIsResentOnlyWhenAsked() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n"
                + "Lost Answer Co,kim@lost.example\n"
                + "Alder Mills,ann@alder.example\n");
        StubMapping lostAnswer = fixture.api().stub(1, post(urlPathEqualTo("/msp/customers"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Lost Answer Co")))
                .willReturn(jsonError(500, "Internal error")));
        assertThat(fixture.run(csv)).isEqualTo(3);
        assertThat(journal.createCustomer("Lost Answer Co")).hasSize(1);

        int restartExitCode = fixture.run(csv);

        assertThat(restartExitCode).isEqualTo(3);
        assertThat(journal.createCustomer("Lost Answer Co")).hasSize(1);
        assertThat(fixture.api().requestCount()).isEqualTo(3);
        assertThat(fixture.resultsOf(csv).row(1).get("status")).isEqualTo("IN_DOUBT");

        fixture.api().server().removeStub(lostAnswer);
        int resendExitCode = fixture.run(csv, "--retry-failed", "--importer.retry.resend-in-doubt=true");

        assertThat(resendExitCode).isZero();
        List<ServeEvent> creates = journal.createCustomer("Lost Answer Co");
        assertThat(creates).extracting(call -> call.getResponse().getStatus()).containsExactly(500, 200);
        assertThat(ApiJournal.header(creates.get(1), "Idempotency-Key"))
                .isEqualTo(ApiJournal.header(creates.get(0), "Idempotency-Key"));
        assertThat(journal.createCustomer("Alder Mills")).hasSize(1);
        Map<String, String> line = fixture.resultsOf(csv).row(1);
        assertThat(line.get("status")).isEqualTo("SUCCEEDED");
        assertThat(line.get("customer_id"))
                .isEqualTo(ApiJournal.responseBody(creates.get(1)).path("data").path("customer_id").stringValue());
        assertThat(line.get("users_added")).isEqualTo("kim@lost.example");
        assertThat(line.get("error")).isEmpty();
        assertThat(line.get("attempts")).isEqualTo("3");
    }

    @Test
    void editedCopyKeepsCustomerInDoubt() {
        String original = "customer_name,user_emails\nLost Answer Co,kim@lost.example\nAlder Mills,ann@alder.example\n";
        Path csv = fixture.write("customers.csv", original);
        StubMapping lostAnswer = fixture.api().stub(1, post(urlPathEqualTo("/msp/customers"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Lost Answer Co")))
                .willReturn(jsonError(500, "Internal error")));
        assertThat(fixture.run(csv)).isEqualTo(3);
        fixture.api().server().removeStub(lostAnswer);
        Path edited = fixture.write("customers-edited.csv", original + "Birch Textiles,bo@birch.example\n");

        int exitCode = fixture.run(edited);

        assertThat(exitCode).isEqualTo(3);
        assertThat(journal.createCustomer("Lost Answer Co")).hasSize(1);
        assertThat(journal.createCustomer("Alder Mills")).hasSize(1);
        assertThat(journal.createCustomer("Birch Textiles")).hasSize(1);
        ResultsFile results = fixture.resultsOf(edited);
        assertThat(results.column("status")).containsExactly("IN_DOUBT", "SUCCEEDED", "SUCCEEDED");
        assertThat(results.row(1).get("error")).contains("customer_id");
    }

    @Test
    void retryFailedRepeatsOnlyFailedSteps() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Alder Mills,,,,,,,,,,,ann@alder.example,\n"
                + "Birch Textiles,,,,,,,,,,,bo@birch.example,\n"
                + "Cedar Works,,AWS,," + ROLE_ARN + ",,,,,,,fay@cedar.example;gil@cedar.example,\n");
        StubMapping badRequest = fixture.api().stub(1, post(urlPathEqualTo("/msp/customers"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Birch Textiles")))
                .willReturn(jsonError(400, "Customer name is on hold")));
        StubMapping conflict = fixture.api().stub(1, post(urlPathMatching(Endpoint.CREATE_INTEGRATION.pathRegex()))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Cedar Works-AWS")))
                .willReturn(jsonError(409, "Integration is being deleted")));
        StubMapping someUsersFailed = fixture.api().stub(1, post(urlPathMatching(Endpoint.ADD_USERS.pathRegex()))
                .withRequestBody(matchingJsonPath("$.user_emails[0]", equalTo("fay@cedar.example")))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"data": {"added_users": [{"email": "fay@cedar.example", "role": "MSP-Admin"}],
                                 "failed_users": [{"email": "gil@cedar.example", "reason": "Mailbox unavailable"}]}}
                                """)));
        assertThat(fixture.run(csv)).isEqualTo(3);
        ResultsFile firstResults = fixture.resultsOf(csv);
        assertThat(firstResults.column("status")).containsExactly("SUCCEEDED", "FAILED", "PARTIAL");
        assertThat(firstResults.row(3).get("failed_step")).isEqualTo("create_integration");
        assertThat(firstResults.row(3).get("users_failed")).isEqualTo("gil@cedar.example: Mailbox unavailable");
        List.of(badRequest, conflict, someUsersFailed).forEach(fixture.api().server()::removeStub);
        fixture.api().server().resetRequests();

        int exitCode = fixture.run(csv, "--retry-failed");

        assertThat(exitCode).isZero();
        String cedarId = firstResults.row(3).get("customer_id");
        assertThat(journal.all()).extracting(ApiJournal::path).containsExactlyInAnyOrder(
                "/msp/customers",
                "/msp/customers/" + cedarId + "/integrations",
                "/msp/customers/" + cedarId + "/users",
                "/msp/customers/" + customerIdCreatedFor("Birch Textiles") + "/users");
        assertThat(journal.createCustomer("Birch Textiles")).hasSize(1);
        assertThat(ApiJournal.requestBody(journal.toPath("/msp/customers/" + cedarId + "/integrations").get(0))
                .path("integration_secret").path("external_id").stringValue())
                .isEqualTo(firstResults.row(3).get("external_id"));
        assertThat(ApiJournal.requestBody(journal.toPath("/msp/customers/" + cedarId + "/users").get(0))
                .path("user_emails").toString())
                .isEqualTo("[\"gil@cedar.example\"]");
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.column("status")).containsOnly("SUCCEEDED");
        assertThat(results.row(1)).isEqualTo(firstResults.row(1));
        Map<String, String> cedar = results.row(3);
        assertThat(cedar.get("customer_id")).isEqualTo(cedarId);
        assertThat(cedar.get("users_added")).isEqualTo("fay@cedar.example;gil@cedar.example");
        assertThat(cedar.get("users_failed")).isEmpty();
        assertThat(cedar.get("failed_step")).isEmpty();
        assertThat(cedar.get("error")).isEmpty();
        assertThat(cedar.get("attempts")).isEqualTo("6");
    }

    @Test
    void rowStillFailingTransientlyStaysPendingUntilRestart() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n"
                + "Alder Mills,ann@alder.example\n"
                + "Busy Signal Co,bea@busy.example\n");
        StubMapping unavailable = fixture.api().stub(1, post(urlPathMatching(Endpoint.ADD_USERS.pathRegex()))
                .withRequestBody(matchingJsonPath("$.user_emails[0]", equalTo("bea@busy.example")))
                .willReturn(jsonError(503, "Service temporarily unavailable")));

        int firstExitCode = fixture.run(csv, "--importer.retry.max-attempts=3");

        assertThat(firstExitCode).isEqualTo(1);
        ResultsFile stopped = fixture.resultsOf(csv);
        assertThat(stopped.column("status")).containsExactly("SUCCEEDED", "PENDING");
        Map<String, String> pending = stopped.row(2);
        assertThat(pending.get("customer_id")).isNotEmpty();
        assertThat(pending.get("failed_step")).isEqualTo("add_users");
        assertThat(pending.get("error")).contains("503");
        assertThat(pending.get("finished_at")).isEmpty();
        assertThat(pending.get("attempts")).isEqualTo("4");
        assertThat(journal.toPath("/msp/customers/" + pending.get("customer_id") + "/users")).hasSize(3);

        fixture.api().server().removeStub(unavailable);
        int secondExitCode = fixture.run(csv, "--importer.retry.max-attempts=3");

        assertThat(secondExitCode).isZero();
        Map<String, String> finished = fixture.resultsOf(csv).row(2);
        assertThat(finished.get("status")).isEqualTo("SUCCEEDED");
        assertThat(finished.get("customer_id")).isEqualTo(pending.get("customer_id"));
        assertThat(finished.get("users_added")).isEqualTo("bea@busy.example");
        assertThat(finished.get("failed_step")).isEmpty();
        assertThat(finished.get("error")).isEmpty();
        assertThat(finished.get("attempts")).isEqualTo("5");
        assertThat(journal.createCustomer("Busy Signal Co")).hasSize(1);
        assertThat(journal.createCustomer("Alder Mills")).hasSize(1);
    }

    private String customerIdCreatedFor(String name) {
        return ApiJournal.responseBody(journal.createCustomer(name).get(0)).path("data").path("customer_id")
                .stringValue();
    }

    private static ResponseDefinitionBuilder jsonError(int status, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"" + message + "\"}");
    }
}
