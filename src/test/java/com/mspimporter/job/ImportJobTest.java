package com.mspimporter.job;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.mspimporter.standin.Endpoint;
import com.mspimporter.standin.StandInApi;

import tools.jackson.databind.JsonNode;

/**
 * Whole-job runs whose rows all go through: the calls that each kind of row makes, their headers and bodies,
 * and the ids that reach the results file.
 */
class ImportJobTest {

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
    void awsRowMakesFourCallsInOrder() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Fernhill Dairy,,AWS,," + ROLE_ARN + ",,,,,,,ana@fernhill.example;ben@fernhill.example,\n");

        int exitCode = fixture.run(csv, "--importer.concurrency=1");

        assertThat(exitCode).isZero();
        List<ServeEvent> calls = journal.all();
        assertThat(calls).hasSize(4);
        String customerId = customerIdIn(calls.get(0));
        JsonNode link = ApiJournal.responseBody(calls.get(1)).path("data");
        String externalId = link.path("external_id").stringValue();
        assertThat(calls).extracting(ApiJournal::path).containsExactly(
                "/msp/customers",
                "/onboarding/aws/cloudformation-link",
                "/msp/customers/" + customerId + "/integrations",
                "/msp/customers/" + customerId + "/users");
        assertThat(calls).extracting(call -> ApiJournal.header(call, "X-Wiv-Impersonated-Tenant-Id"))
                .containsExactly(null, customerId, null, null);

        WireMockServer server = fixture.api().server();
        server.verify(1, postRequestedFor(urlPathEqualTo("/msp/customers"))
                .withHeader("Idempotency-Key", matching(".+"))
                .withRequestBody(equalToJson("{\"name\": \"Fernhill Dairy\"}")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/onboarding/aws/cloudformation-link"))
                .withHeader("X-Wiv-Impersonated-Tenant-Id", equalTo(customerId))
                .withRequestBody(equalToJson("{\"account_type\": \"payer\", \"cur_config_type\": \"cur\"}")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/msp/customers/" + customerId + "/integrations"))
                .withHeader("Idempotency-Key", matching(".+"))
                .withRequestBody(equalToJson("""
                        {"type": "AWS", "name": "Fernhill Dairy-AWS",
                         "integration_secret": {"role_arn": "%s", "external_id": "%s"}}
                        """.formatted(ROLE_ARN, externalId))));
        server.verify(1, postRequestedFor(urlPathEqualTo("/msp/customers/" + customerId + "/users"))
                .withRequestBody(equalToJson("""
                        {"user_emails": ["ana@fernhill.example", "ben@fernhill.example"], "role": "MSP-Admin"}
                        """)));
        for (ServeEvent call : calls) {
            assertThat(ApiJournal.header(call, "X-API-Key")).isEqualTo(fixture.api().apiKey());
            assertThat(ApiJournal.header(call, "Content-Type")).startsWith("application/json");
        }

        Map<String, String> line = fixture.resultsOf(csv).row(1);
        assertThat(line.get("status")).isEqualTo("SUCCEEDED");
        assertThat(line.get("customer_id")).isEqualTo(customerId);
        assertThat(line.get("integration_type")).isEqualTo("AWS");
        assertThat(line.get("integration_id")).isEqualTo(integrationIdIn(calls.get(2)));
        assertThat(line.get("external_id")).isEqualTo(externalId);
        assertThat(line.get("cloudformation_url")).isEqualTo(link.path("cloudformation_url").stringValue());
        assertThat(line.get("users_added")).isEqualTo("ana@fernhill.example;ben@fernhill.example");
        assertThat(line.get("users_failed")).isEmpty();
        assertThat(line.get("failed_step")).isEmpty();
        assertThat(line.get("error")).isEmpty();
        assertThat(line.get("attempts")).isEqualTo("4");
        assertThat(line.get("finished_at")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }

    @Test
    void gcpRowSendsWholeKeyObjectWithoutLink() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Tidewater Marine,,GCP,,,,," + GCP_CELLS + ",cy@tidewater.example,Viewer\n");

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isZero();
        assertThat(journal.to(Endpoint.ONBOARDING_LINK)).isEmpty();
        String customerId = customerIdIn(journal.createCustomer("Tidewater Marine").get(0));
        List<ServeEvent> integrations = journal.to(Endpoint.CREATE_INTEGRATION);
        assertThat(integrations).singleElement().satisfies(call -> {
            assertThat(ApiJournal.path(call)).isEqualTo("/msp/customers/" + customerId + "/integrations");
            assertThat(ApiJournal.header(call, "X-Wiv-Impersonated-Tenant-Id")).isNull();
        });
        fixture.api().server().verify(1, postRequestedFor(urlPathEqualTo(
                "/msp/customers/" + customerId + "/integrations"))
                .withHeader("Idempotency-Key", matching(".+"))
                .withRequestBody(equalToJson("""
                        {"type": "GCP", "name": "Tidewater Marine-GCP", "integration_secret": {
                          "project_id": "tidewater-billing", "billing_dataset_name": "billing_export",
                          "billing_table_name": "gcp_billing_export_v1", "service_account_key_file": %s}}
                        """.formatted(ImportFixture.KEY_JSON))));
        fixture.api().server().verify(1, postRequestedFor(urlPathEqualTo("/msp/customers/" + customerId + "/users"))
                .withRequestBody(equalToJson("{\"user_emails\": [\"cy@tidewater.example\"], \"role\": \"Viewer\"}")));

        Map<String, String> line = fixture.resultsOf(csv).row(1);
        assertThat(line.get("status")).isEqualTo("SUCCEEDED");
        assertThat(line.get("customer_id")).isEqualTo(customerId);
        assertThat(line.get("integration_type")).isEqualTo("GCP");
        assertThat(line.get("integration_id")).isEqualTo(integrationIdIn(integrations.get(0)));
        assertThat(line.get("external_id")).isEmpty();
        assertThat(line.get("cloudformation_url")).isEmpty();
        assertThat(line.get("attempts")).isEqualTo("3");
        assertThat(fixture.resultsFileOf(csv)).content(StandardCharsets.UTF_8)
                .doesNotContain("FAKE-TEST-KEY-NOT-REAL")
                .doesNotContain(fixture.api().apiKey());
    }

    @Test
    void mixedFileSucceedsWithIdsFromApi() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Fernhill Dairy,,AWS,," + ROLE_ARN + ",,,,,,,ana@fernhill.example,\n"
                + "Tidewater Marine,,GCP,,,,," + GCP_CELLS + ",cy@tidewater.example,\n"
                + "Orchard Lane,,,,,,,,,,,dee@orchard.example;eli@orchard.example,Viewer\n"
                + "Kestrel Freight,,AWS,Kestrel Production," + ROLE_ARN + ",linked,cur2,,,,,,\n");

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isZero();
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.column("row")).containsExactly("1", "2", "3", "4");
        assertThat(results.column("customer_name"))
                .containsExactly("Fernhill Dairy", "Tidewater Marine", "Orchard Lane", "Kestrel Freight");
        assertThat(results.column("status")).containsOnly("SUCCEEDED");
        assertThat(results.column("integration_type")).containsExactly("AWS", "GCP", "", "AWS");
        assertThat(journal.to(Endpoint.CREATE_CUSTOMER)).hasSize(4);
        assertThat(journal.to(Endpoint.ONBOARDING_LINK)).hasSize(2);
        assertThat(journal.to(Endpoint.CREATE_INTEGRATION)).hasSize(3);
        assertThat(journal.to(Endpoint.ADD_USERS)).hasSize(3);
        for (Map<String, String> line : results.lines()) {
            String customerId = customerIdIn(journal.createCustomer(line.get("customer_name")).get(0));
            assertThat(line.get("customer_id")).as("customer_id of %s", line.get("customer_name"))
                    .isEqualTo(customerId);
        }

        // a customer without an integration: customer and users only
        String orchardId = results.row(3).get("customer_id");
        assertThat(journal.all()).filteredOn(call -> ApiJournal.path(call).contains(orchardId))
                .extracting(ApiJournal::path)
                .containsExactly("/msp/customers/" + orchardId + "/users");
        assertThat(results.row(3).get("integration_id")).isEmpty();
        assertThat(results.row(3).get("users_added")).isEqualTo("dee@orchard.example;eli@orchard.example");
        fixture.api().server().verify(1, postRequestedFor(urlPathEqualTo("/msp/customers/" + orchardId + "/users"))
                .withRequestBody(equalToJson("""
                        {"user_emails": ["dee@orchard.example", "eli@orchard.example"], "role": "Viewer"}
                        """)));

        // a row without users: no users call, and the integration settings as written
        String kestrelId = results.row(4).get("customer_id");
        assertThat(journal.toPath("/msp/customers/" + kestrelId + "/users")).isEmpty();
        List<ServeEvent> kestrelIntegration = journal.toPath("/msp/customers/" + kestrelId + "/integrations");
        assertThat(kestrelIntegration).hasSize(1);
        assertThat(ApiJournal.requestBody(kestrelIntegration.get(0)).path("name").stringValue())
                .isEqualTo("Kestrel Production");
        assertThat(results.row(4).get("integration_id")).isEqualTo(integrationIdIn(kestrelIntegration.get(0)));
        assertThat(results.row(4).get("users_added")).isEmpty();
        assertThat(results.row(4).get("attempts")).isEqualTo("3");
        fixture.api().server().verify(1, postRequestedFor(urlPathEqualTo("/onboarding/aws/cloudformation-link"))
                .withHeader("X-Wiv-Impersonated-Tenant-Id", equalTo(kestrelId))
                .withRequestBody(equalToJson("{\"account_type\": \"linked\", \"cur_config_type\": \"cur2\"}")));

        // every id in the results is one that the API returned
        for (ServeEvent integration : journal.to(Endpoint.CREATE_INTEGRATION)) {
            assertThat(results.column("integration_id")).contains(integrationIdIn(integration));
        }
        for (ServeEvent link : journal.to(Endpoint.ONBOARDING_LINK)) {
            assertThat(results.column("external_id"))
                    .contains(ApiJournal.responseBody(link).path("data").path("external_id").stringValue());
        }
    }

    @Test
    void sameCustomerInTwoRowsIsCreatedOnce() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Harbour Lights,,AWS,," + ROLE_ARN + ",,,,,,,ana@harbour.example,\n"
                + "\"  harbour   LIGHTS \",,GCP,Harbour Lights-GCP,,,," + GCP_CELLS + ",ben@harbour.example,\n");

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isZero();
        List<ServeEvent> creates = journal.to(Endpoint.CREATE_CUSTOMER);
        assertThat(creates).hasSize(1);
        String customerId = customerIdIn(creates.get(0));
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.column("status")).containsExactly("SUCCEEDED", "SUCCEEDED");
        assertThat(results.column("customer_id")).containsExactly(customerId, customerId);
        List<ServeEvent> integrations = journal.toPath("/msp/customers/" + customerId + "/integrations");
        assertThat(integrations).extracting(call -> ApiJournal.requestBody(call).path("type").stringValue())
                .containsExactlyInAnyOrder("AWS", "GCP");
        assertThat(results.column("integration_id"))
                .containsExactlyInAnyOrder(integrationIdIn(integrations.get(0)), integrationIdIn(integrations.get(1)));
        assertThat(journal.toPath("/msp/customers/" + customerId + "/users")).hasSize(2);
    }

    @Test
    void sameIntegrationInTwoRowsIsCreatedOnce() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Harbour Lights,,AWS,," + ROLE_ARN + ",,,,,,,ana@harbour.example,\n"
                + "HARBOUR LIGHTS,,AWS,Harbour Lights-AWS," + ROLE_ARN + ",,,,,,,ben@harbour.example,\n");

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isZero();
        assertThat(journal.to(Endpoint.CREATE_CUSTOMER)).hasSize(1);
        assertThat(journal.to(Endpoint.ONBOARDING_LINK)).hasSize(1);
        List<ServeEvent> integrations = journal.to(Endpoint.CREATE_INTEGRATION);
        assertThat(integrations).hasSize(1);
        assertThat(journal.to(Endpoint.ADD_USERS)).hasSize(2);
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.column("status")).containsExactly("SUCCEEDED", "SUCCEEDED");
        assertThat(results.column("integration_id")).containsOnly(integrationIdIn(integrations.get(0)));
        assertThat(results.row(2).get("external_id")).isEqualTo(results.row(1).get("external_id"));
    }

    @Test
    void givenCustomerIdSkipsCreateCustomer() {
        String existingId = "cust-7f3a9c";
        fixture.close();
        fixture = new ImportFixture(folder, StandInApi.builder().existingCustomer(existingId, "Quarry Hill").start());
        journal = new ApiJournal(fixture.api().server());
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "Quarry Hill," + existingId + ",AWS,," + ROLE_ARN + ",,,,,,,fay@quarry.example,\n");

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isZero();
        assertThat(journal.to(Endpoint.CREATE_CUSTOMER)).isEmpty();
        assertThat(journal.all()).extracting(ApiJournal::path).containsExactly(
                "/onboarding/aws/cloudformation-link",
                "/msp/customers/" + existingId + "/integrations",
                "/msp/customers/" + existingId + "/users");
        fixture.api().server().verify(1, postRequestedFor(urlPathEqualTo("/onboarding/aws/cloudformation-link"))
                .withHeader("X-Wiv-Impersonated-Tenant-Id", equalTo(existingId)));
        Map<String, String> line = fixture.resultsOf(csv).row(1);
        assertThat(line.get("status")).isEqualTo("SUCCEEDED");
        assertThat(line.get("customer_id")).isEqualTo(existingId);
        assertThat(line.get("attempts")).isEqualTo("3");
    }

    @Test
    void formulaLikeNamesGetLeadingApostrophe() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER
                + "=SUM(1+1),,,,,,,,,,,,\n"
                + "+Plus Partners,,,,,,,,,,,,\n"
                + "@Home Goods,,,,,,,,,,,,\n"
                + "Plain Name,,,,,,,,,,,,\n");

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isZero();
        fixture.api().server().verify(1, postRequestedFor(urlPathEqualTo("/msp/customers"))
                .withRequestBody(equalToJson("{\"name\": \"=SUM(1+1)\"}")));
        assertThat(fixture.resultsOf(csv).column("customer_name"))
                .containsExactly("'=SUM(1+1)", "'+Plus Partners", "'@Home Goods", "Plain Name");
    }

    private static String customerIdIn(ServeEvent createCustomer) {
        return ApiJournal.responseBody(createCustomer).path("data").path("customer_id").stringValue();
    }

    private static String integrationIdIn(ServeEvent createIntegration) {
        return ApiJournal.responseBody(createIntegration).path("data").path("customer_integration")
                .path("integration_id").stringValue();
    }
}
