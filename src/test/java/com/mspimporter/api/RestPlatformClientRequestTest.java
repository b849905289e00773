package com.mspimporter.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The requests that the client sends and the values it keeps from the responses. */
class RestPlatformClientRequestTest extends ApiStandIn {

    @Test
    void createCustomerSendsNameKeyAndIdempotencyKey() {
        respond(CUSTOMERS, json(201, CUSTOMER_RESPONSE));

        CustomerCreated created = client().createCustomer("Acme Ltd", "idem-42", new RequestCounter());

        assertThat(created.customerId()).isEqualTo("c-1");
        server.verify(1, postRequestedFor(urlEqualTo(CUSTOMERS))
                .withHeader("X-API-Key", equalTo(TestSettings.API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Idempotency-Key", equalTo("idem-42"))
                .withoutHeader("X-Wiv-Impersonated-Tenant-Id")
                .withRequestBody(equalToJson("{\"name\":\"Acme Ltd\"}")));
    }

    @Test
    void onboardingLinkImpersonatesCustomer() {
        respond(LINK, ok(LINK_RESPONSE));

        OnboardingLink link = client().createOnboardingLink("c-1", "payer", "cur", new RequestCounter());

        assertThat(link.externalId()).isEqualTo("ext-9");
        assertThat(link.cloudformationUrl()).isEqualTo("https://console.example/cf");
        server.verify(1, postRequestedFor(urlEqualTo(LINK))
                .withHeader("X-API-Key", equalTo(TestSettings.API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Wiv-Impersonated-Tenant-Id", equalTo("c-1"))
                .withoutHeader("Idempotency-Key")
                .withRequestBody(equalToJson("{\"account_type\":\"payer\",\"cur_config_type\":\"cur\"}")));
    }

    @Test
    void awsIntegrationSendsRoleAndExternalId() {
        respond(INTEGRATIONS, json(201, INTEGRATION_RESPONSE));
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("role_arn", "arn:aws:iam::123456789012:role/Access");
        secret.put("external_id", "ext-9");

        String id = client().createIntegration("c-1", new IntegrationRequest("AWS", "Acme-AWS", secret), "idem-7",
                new RequestCounter());

        assertThat(id).isEqualTo("i-7");
        server.verify(1, postRequestedFor(urlEqualTo(INTEGRATIONS))
                .withHeader("X-API-Key", equalTo(TestSettings.API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Idempotency-Key", equalTo("idem-7"))
                .withoutHeader("X-Wiv-Impersonated-Tenant-Id")
                .withRequestBody(equalToJson("{\"type\":\"AWS\",\"name\":\"Acme-AWS\",\"integration_secret\":"
                        + "{\"role_arn\":\"arn:aws:iam::123456789012:role/Access\",\"external_id\":\"ext-9\"}}")));
    }

    @Test
    void gcpIntegrationSendsWholeServiceAccountKey() {
        respond(INTEGRATIONS, json(201, INTEGRATION_RESPONSE));
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("private_key", "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n");
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("project_id", "billing-project");
        secret.put("billing_dataset_name", "billing");
        secret.put("billing_table_name", "export");
        secret.put("service_account_key_file", key);

        client().createIntegration("c-1", new IntegrationRequest("GCP", "Acme-GCP", secret), "idem-8",
                new RequestCounter());

        server.verify(1, postRequestedFor(urlEqualTo(INTEGRATIONS))
                .withRequestBody(equalToJson("{\"type\":\"GCP\",\"name\":\"Acme-GCP\",\"integration_secret\":"
                        + "{\"project_id\":\"billing-project\",\"billing_dataset_name\":\"billing\","
                        + "\"billing_table_name\":\"export\","
                        + "\"service_account_key_file\":{\"type\":\"service_account\","
                        + "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----\\n\"}}}")));
    }

    @Test
    void addUsersSendsEmailsAndRole() {
        respond(USERS, ok(USERS_RESPONSE));

        client().addUsers("c-1", List.of("a@example.com", "b@example.com"), "MSP-Admin", new RequestCounter());

        server.verify(1, postRequestedFor(urlEqualTo(USERS))
                .withHeader("X-API-Key", equalTo(TestSettings.API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withoutHeader("Idempotency-Key")
                .withoutHeader("X-Wiv-Impersonated-Tenant-Id")
                .withRequestBody(equalToJson(
                        "{\"user_emails\":[\"a@example.com\",\"b@example.com\"],\"role\":\"MSP-Admin\"}")));
    }

    @Test
    void addUsersKeepsAddedAndFailedUsers() {
        respond(USERS, ok("{\"data\":{\"added_users\":[{\"email\":\"a@example.com\",\"role\":\"MSP-Admin\","
                + "\"user_id\":\"u-1\"}],\"failed_users\":[{\"email\":\"b@example.com\",\"reason\":\"User not found\"},"
                + "{\"email\":\"c@example.com\"}],\"summary\":{\"failed\":2,\"successfully_added\":1}}}"));

        UsersAdded result = client().addUsers("c-1", List.of("a@example.com", "b@example.com", "c@example.com"),
                "MSP-Admin", new RequestCounter());

        assertThat(result.added()).containsExactly("a@example.com");
        assertThat(result.failed()).containsExactly(
                new UsersAdded.FailedUser("b@example.com", "User not found"),
                new UsersAdded.FailedUser("c@example.com", "no reason given"));
    }

    @Test
    void addUsersAcceptsResponseWithoutFailedUsers() {
        respond(USERS, ok("{\"data\":{\"added_users\":[{\"email\":\"a@example.com\"}]}}"));

        UsersAdded result = client().addUsers("c-1", List.of("a@example.com"), "MSP-Admin", new RequestCounter());

        assertThat(result.added()).containsExactly("a@example.com");
        assertThat(result.failed()).isEmpty();
    }

    @Test
    void customerIdIsEncodedAsOnePathSegment() {
        respond("/msp/customers/a%2Fb%20c%3F/users", ok(USERS_RESPONSE));

        client().addUsers("a/b c?", List.of("a@example.com"), "MSP-Admin", new RequestCounter());

        assertThat(requestsTo("/msp/customers/a%2Fb%20c%3F/users")).isEqualTo(1);
    }

    @Test
    void baseUrlPathPrefixIsKept() {
        respond("/api/v1/msp/customers", ok(CUSTOMER_RESPONSE));
        TestSettings settings = new TestSettings(baseUrl() + "/api/v1/");

        CustomerCreated created = new RestPlatformClient(settings.build())
                .createCustomer("Acme", "idem-1", new RequestCounter());

        assertThat(created.customerId()).isEqualTo("c-1");
    }

    @Test
    void counterCountsOneRequestPerSuccessfulCall() {
        respond(CUSTOMERS, ok(CUSTOMER_RESPONSE));
        RequestCounter counter = new RequestCounter();

        client().createCustomer("Acme", "idem-1", counter);

        assertThat(counter.sent()).isEqualTo(1);
    }

    @Test
    void bodyOfExactlyMaxSizeIsRead() {
        String prefix = "{\"data\":{\"customer_id\":\"c-1\",\"pad\":\"";
        String suffix = "\"}}";
        String body = prefix + "x".repeat(1024 - prefix.length() - suffix.length()) + suffix;
        respond(CUSTOMERS, ok(body));

        CustomerCreated created = client(settings -> settings.maxResponseSize = DataSize.ofBytes(1024))
                .createCustomer("Acme", "idem-1", new RequestCounter());

        assertThat(body).hasSize(1024);
        assertThat(created.customerId()).isEqualTo("c-1");
    }
}
