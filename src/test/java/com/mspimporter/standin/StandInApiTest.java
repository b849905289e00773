package com.mspimporter.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StandInApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GCP_KEY = """
            {"type": "service_account", "project_id": "fern-billing", "private_key_id": "0a1b2c",
             "private_key": "-----BEGIN PRIVATE KEY-----\\nFAKE-KEY-DO-NOT-USE\\n-----END PRIVATE KEY-----\\n",
             "client_email": "reader@fern-billing.iam.gserviceaccount.com", "client_id": "1234567890",
             "auth_uri": "https://accounts.google.com/o/oauth2/auth",
             "token_uri": "https://oauth2.googleapis.com/token"}
            """;

    private final HttpClient client = HttpClient.newHttpClient();
    private StandInApi api;

    @BeforeEach
    void startStandIn() {
        api = StandInApi.start();
    }

    @AfterEach
    void stopStandIn() {
        api.close();
    }

    @Test
    void createCustomerEchoesNameWithNewId() throws Exception {
        HttpResponse<String> response = postJson("/msp/customers", "{\"name\": \"Fernhill Dairy\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode data = json(response).path("data");
        assertThat(data.path("name").stringValue()).isEqualTo("Fernhill Dairy");
        assertThat(isUuid(data.path("customer_id").stringValue())).isTrue();
    }

    @Test
    void idsDifferOnEveryCall() throws Exception {
        String first = customerId("Fernhill Dairy");
        String second = customerId("Fernhill Dairy");
        JsonNode firstLink = json(onboardingLink(first)).path("data");
        JsonNode secondLink = json(onboardingLink(first)).path("data");
        String firstIntegration = integrationId(awsIntegration(first, "Fernhill-AWS"));
        String secondIntegration = integrationId(awsIntegration(first, "Fernhill-AWS"));

        assertThat(first).isNotEqualTo(second);
        assertThat(firstLink.path("external_id").stringValue())
                .isNotEqualTo(secondLink.path("external_id").stringValue());
        assertThat(firstIntegration).isNotEqualTo(secondIntegration);
    }

    @Test
    void onboardingLinkHasExternalIdUrlsAndMessage() throws Exception {
        HttpResponse<String> response = onboardingLink(customerId("Fernhill Dairy"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        JsonNode data = answer.path("data");
        String externalId = data.path("external_id").stringValue();
        assertThat(isUuid(externalId)).isTrue();
        assertThat(data.path("cloudformation_url").stringValue())
                .startsWith("https://console.aws.amazon.com/cloudformation/")
                .contains(externalId);
        assertThat(data.path("pre_signed_url").stringValue()).startsWith("https://").contains(externalId);
        assertThat(answer.path("message").isString()).isTrue();
    }

    @Test
    void onboardingLinkWithoutTenantHeaderIsBadRequest() throws Exception {
        String body = "{\"account_type\": \"payer\", \"cur_config_type\": \"cur\"}";

        HttpResponse<String> response = postJson("/onboarding/aws/cloudformation-link", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("message").stringValue()).contains("X-Wiv-Impersonated-Tenant-Id");
    }

    @Test
    void awsIntegrationEchoesNameTypeAndCustomer() throws Exception {
        String customerId = customerId("Fernhill Dairy");

        HttpResponse<String> response = awsIntegration(customerId, "Fernhill-Payer");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).path("data");
        assertThat(data.path("customer_id").stringValue()).isEqualTo(customerId);
        assertThat(data.path("customer_name").stringValue()).isEqualTo("Fernhill Dairy");
        JsonNode integration = data.path("customer_integration");
        assertThat(isUuid(integration.path("integration_id").stringValue())).isTrue();
        assertThat(integration.path("name").stringValue()).isEqualTo("Fernhill-Payer");
        assertThat(integration.path("type").stringValue()).isEqualTo("AWS");
        assertThat(integration.path("mode").stringValue()).isEqualTo("STANDARD");
        String timestamp = integration.path("timestamp").stringValue();
        assertThat(LocalDateTime.parse(timestamp, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")))
                .isNotNull();
    }

    @Test
    void gcpIntegrationAcceptsKeyObject() throws Exception {
        String customerId = customerId("Fernhill Dairy");
        String body = """
                {"type": "GCP", "name": "Fernhill-GCP", "integration_secret": {
                  "project_id": "fern-billing", "billing_dataset_name": "billing_export",
                  "billing_table_name": "gcp_billing_export_v1", "service_account_key_file": %s}}
                """.formatted(GCP_KEY);

        HttpResponse<String> response = postJson("/msp/customers/" + customerId + "/integrations", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode integration = json(response).path("data").path("customer_integration");
        assertThat(integration.path("type").stringValue()).isEqualTo("GCP");
        assertThat(integration.path("name").stringValue()).isEqualTo("Fernhill-GCP");
    }

    @Test
    void gcpIntegrationWithoutKeyObjectIsBadRequest() throws Exception {
        String customerId = customerId("Fernhill Dairy");
        String body = """
                {"type": "GCP", "name": "Fernhill-GCP", "integration_secret": {
                  "project_id": "fern-billing", "billing_dataset_name": "billing_export",
                  "billing_table_name": "gcp_billing_export_v1", "service_account_key_file": "keys/fern.json"}}
                """;

        HttpResponse<String> response = postJson("/msp/customers/" + customerId + "/integrations", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("message").stringValue()).contains("service_account_key_file");
    }

    @Test
    void addUsersListsEveryEmailWithSummary() throws Exception {
        String customerId = customerId("Fernhill Dairy");

        HttpResponse<String> response = addUsers(customerId, "ana@example.com", "ben@example.org");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).path("data");
        JsonNode added = data.path("added_users");
        assertThat(added.size()).isEqualTo(2);
        assertThat(added.get(0).path("email").stringValue()).isEqualTo("ana@example.com");
        assertThat(added.get(0).path("role").stringValue()).isEqualTo("MSP-Admin");
        assertThat(isUuid(added.get(0).path("user_id").stringValue())).isTrue();
        assertThat(added.get(1).path("email").stringValue()).isEqualTo("ben@example.org");
        assertThat(data.path("failed_users").isArray()).isTrue();
        assertThat(data.path("failed_users").isEmpty()).isTrue();
        assertThat(data.path("summary").path("successfully_added").asInt()).isEqualTo(2);
        assertThat(data.path("summary").path("failed").asInt()).isZero();
        assertThat(data.path("summary").path("total_requested").asInt()).isEqualTo(2);
        assertThat(data.path("customer_id").stringValue()).isEqualTo(customerId);
        assertThat(data.path("customer_name").stringValue()).isEqualTo("Fernhill Dairy");
    }

    @Test
    void unknownUserIsListedAsFailed() throws Exception {
        String customerId = customerId("Fernhill Dairy");

        HttpResponse<String> response = addUsers(customerId, "ana@example.com", "unknown.temp@example.com");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).path("data");
        assertThat(data.path("added_users").size()).isEqualTo(1);
        assertThat(data.path("added_users").get(0).path("email").stringValue()).isEqualTo("ana@example.com");
        JsonNode failed = data.path("failed_users");
        assertThat(failed.size()).isEqualTo(1);
        assertThat(failed.get(0).path("email").stringValue()).isEqualTo("unknown.temp@example.com");
        assertThat(failed.get(0).path("reason").stringValue()).isEqualTo("User not found");
        assertThat(data.path("summary").path("failed").asInt()).isEqualTo(1);
    }

    @Test
    void existingCustomerNameIsEchoed() throws Exception {
        try (StandInApi withCustomer = StandInApi.builder()
                .existingCustomer("3f2b8c1e-7d4a-4e6b-9c5f-1a2b3c4d5e6f", "Lumen Dental Group")
                .start()) {
            HttpResponse<String> response = send(withCustomer,
                    "/msp/customers/3f2b8c1e-7d4a-4e6b-9c5f-1a2b3c4d5e6f/users",
                    "{\"user_emails\": [\"ana@example.com\"], \"role\": \"MSP-Admin\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("data").path("customer_name").stringValue()).isEqualTo("Lumen Dental Group");
        }
    }

    @Test
    void missingApiKeyIsUnauthorized() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/msp/customers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Fernhill Dairy\"}"))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("message").stringValue()).isEqualTo("Invalid API key");
    }

    @Test
    void wrongApiKeyIsUnauthorized() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/msp/customers"))
                .header("X-API-Key", api.apiKey() + "-wrong")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Fernhill Dairy\"}"))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("message").stringValue()).isEqualTo("Invalid API key");
    }

    @Test
    void configuredApiKeyIsRequired() throws Exception {
        try (StandInApi keyed = StandInApi.builder().apiKey("demo-key").start()) {
            HttpResponse<String> response = send(keyed, "/msp/customers", "{\"name\": \"Fernhill Dairy\"}");

            assertThat(keyed.apiKey()).isEqualTo("demo-key");
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void missingContentTypeIsUnsupported() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/msp/customers"))
                .header("X-API-Key", api.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Fernhill Dairy\"}"))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void bodyThatIsNotJsonIsBadRequest() throws Exception {
        HttpResponse<String> response = postJson("/msp/customers", "name=Fernhill");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("message").stringValue()).contains("not valid JSON");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        HttpResponse<String> response = postJson("/msp/tenants", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("message").stringValue()).contains("/msp/tenants");
    }

    @Test
    void rejectedCustomerNameIsBadRequest() throws Exception {
        HttpResponse<String> response = postJson("/msp/customers", "{\"name\": \"Rejected Records Ltd\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("message").stringValue()).isEqualTo("Customer name is not allowed");
    }

    @Test
    void duplicateIntegrationNameIsConflict() throws Exception {
        HttpResponse<String> response = awsIntegration(customerId("Tidewater Marine"), "Tidewater-Duplicate-AWS");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).path("message").stringValue())
                .isEqualTo("An integration with this name already exists");
    }

    @Test
    void flakyCustomerFailsOnceThenSucceeds() throws Exception {
        HttpResponse<String> first = postJson("/msp/customers", "{\"name\": \"Flaky Crust Bakery\"}");
        HttpResponse<String> second = postJson("/msp/customers", "{\"name\": \"Flaky Crust Bakery\"}");
        HttpResponse<String> otherName = postJson("/msp/customers", "{\"name\": \"Flaky Pastry Co\"}");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).path("data").path("name").stringValue()).isEqualTo("Flaky Crust Bakery");
        assertThat(otherName.statusCode()).isEqualTo(503);
    }

    @Test
    void flakyCustomerFailsOnceUnderConcurrency() throws Exception {
        String body = "{\"name\": \"Flaky Crust Bakery\"}";

        List<Integer> statuses = sendConcurrently(16, () -> postJson("/msp/customers", body))
                .stream()
                .map(HttpResponse::statusCode)
                .toList();

        assertThat(statuses).filteredOn(status -> status == 503).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(15);
    }

    @Test
    void concurrentCreatesGetDistinctIds() throws Exception {
        List<HttpResponse<String>> responses =
                sendConcurrently(16, () -> postJson("/msp/customers", "{\"name\": \"Fernhill Dairy\"}"));

        Set<String> ids = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).isEqualTo(200);
            ids.add(json(response).path("data").path("customer_id").stringValue());
        }
        assertThat(ids).hasSize(16);
    }

    @Test
    void requestCountsArePerPathAndEndpoint() throws Exception {
        String firstCustomer = customerId("Fernhill Dairy");
        String secondCustomer = customerId("Tidewater Marine");
        addUsers(firstCustomer, "ana@example.com");
        addUsers(secondCustomer, "ben@example.com");
        addUsers(secondCustomer, "cy@example.com");

        assertThat(api.requestCount("/msp/customers")).isEqualTo(2);
        assertThat(api.requestCount(Endpoint.CREATE_CUSTOMER)).isEqualTo(2);
        assertThat(api.requestCount("/msp/customers/" + secondCustomer + "/users")).isEqualTo(2);
        assertThat(api.requestCount(Endpoint.ADD_USERS)).isEqualTo(3);
        assertThat(api.requestCount(Endpoint.CREATE_INTEGRATION)).isZero();
        assertThat(api.requestCount()).isEqualTo(5);
        assertThat(api.requestCountsByPath()).containsEntry("/msp/customers", 2L);
    }

    @Test
    void journalRecordsRequestsForVerification() throws Exception {
        customerId("Fernhill Dairy");

        api.server().verify(1, postRequestedFor(urlPathEqualTo("/msp/customers")));
        assertThat(api.server().getAllServeEvents()).hasSize(1);
    }

    @Test
    void requestsAreCountedWithJournalOff() throws Exception {
        try (StandInApi withoutJournal = StandInApi.builder().withoutRequestJournal().start()) {
            send(withoutJournal, "/msp/customers", "{\"name\": \"Fernhill Dairy\"}");
            send(withoutJournal, "/msp/customers", "{\"name\": \"Tidewater Marine\"}");

            assertThat(withoutJournal.requestCount(Endpoint.CREATE_CUSTOMER)).isEqualTo(2);
            assertThat(withoutJournal.requestCount()).isEqualTo(2);
            assertThat(withoutJournal.server().getOptions().requestJournalDisabled()).isTrue();
            assertThatThrownBy(() -> withoutJournal.requestCount("/msp/customers"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("per endpoint");
        }
    }

    @Test
    void extraStubWithPriorityAnswersFirst() throws Exception {
        api.stub(1, post(urlPathEqualTo("/msp/customers"))
                .willReturn(aResponse().withStatus(500).withBody("{\"message\": \"boom\"}")));

        HttpResponse<String> response = postJson("/msp/customers", "{\"name\": \"Fernhill Dairy\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(api.requestCount(Endpoint.CREATE_CUSTOMER)).isEqualTo(1);
    }

    @Test
    void extraStubWithDefaultPriorityAnswersFirst() throws Exception {
        api.stub(post(urlPathEqualTo("/msp/customers")).willReturn(aResponse().withStatus(502)));

        HttpResponse<String> response = postJson("/msp/customers", "{\"name\": \"Fernhill Dairy\"}");

        assertThat(response.statusCode()).isEqualTo(502);
    }

    @Test
    void latencyDelaysEveryResponse() throws Exception {
        try (StandInApi slow = StandInApi.builder().latency(Duration.ofMillis(300)).start()) {
            long start = System.nanoTime();
            HttpResponse<String> response = send(slow, "/msp/customers", "{\"name\": \"Fernhill Dairy\"}");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void serverListensOnLoopbackOnly() {
        assertThat(api.server().getOptions().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(api.baseUrl()).isEqualTo("http://127.0.0.1:" + api.server().port());
    }

    private String customerId(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = postJson("/msp/customers", JSON.writeValueAsString(Map.of("name", name)));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).path("data").path("customer_id").stringValue();
    }

    private HttpResponse<String> onboardingLink(String customerId) throws IOException, InterruptedException {
        HttpRequest request = requestTo(api, "/onboarding/aws/cloudformation-link",
                "{\"account_type\": \"payer\", \"cur_config_type\": \"cur\"}")
                .header("X-Wiv-Impersonated-Tenant-Id", customerId)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> awsIntegration(String customerId, String name)
            throws IOException, InterruptedException {
        String body = """
                {"type": "AWS", "name": "%s", "integration_secret": {
                  "role_arn": "arn:aws:iam::123456789012:role/FinOpsReader", "external_id": "%s"}}
                """.formatted(name, UUID.randomUUID());
        return postJson("/msp/customers/" + customerId + "/integrations", body);
    }

    private String integrationId(HttpResponse<String> response) {
        return json(response).path("data").path("customer_integration").path("integration_id").stringValue();
    }

    private HttpResponse<String> addUsers(String customerId, String... emails)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("user_emails", List.of(emails), "role", "MSP-Admin"));
        return postJson("/msp/customers/" + customerId + "/users", body);
    }

    private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return send(api, path, body);
    }

    private HttpResponse<String> send(StandInApi target, String path, String body)
            throws IOException, InterruptedException {
        return client.send(requestTo(target, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder requestTo(StandInApi target, String path, String body) {
        return HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                .header("X-API-Key", target.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static <T> List<T> sendConcurrently(int count, Callable<T> call) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
