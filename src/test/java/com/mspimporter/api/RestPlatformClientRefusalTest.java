package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;

/** Responses that no retry can change: a refused key, refused calls and responses that break the contract. */
class RestPlatformClientRefusalTest extends ApiStandIn {

    @Test
    void unauthorizedOnAnyCallRejectsKey() {
        respond(USERS, json(401, "{\"message\":\"Invalid API key\"}"));

        assertThatThrownBy(() -> addUsers(client()))
                .isInstanceOf(KeyRejectedException.class)
                .hasMessage("The API rejected the key (HTTP 401 from the API: Invalid API key).")
                .extracting(ex -> ((ApiCallException) ex).status()).isEqualTo(401);
        assertThat(requestsTo(USERS)).isEqualTo(1);
    }

    @Test
    void unauthorizedOnCreateCustomerRejectsKey() {
        respond(CUSTOMERS, json(401, ""));

        assertThatThrownBy(() -> client().createCustomer("Acme", "idem-1", new RequestCounter()))
                .isInstanceOf(KeyRejectedException.class)
                .hasMessage("The API rejected the key (HTTP 401 from the API: Unauthorized).");
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(1);
    }

    @Test
    void forbiddenOnCreateCustomerRejectsKey() {
        respond(CUSTOMERS, json(403, "{}"));

        assertThatThrownBy(() -> client().createCustomer("Acme", "idem-1", new RequestCounter()))
                .isInstanceOf(KeyRejectedException.class)
                .hasMessage("The API key may not create customers (HTTP 403 from the API: Forbidden).")
                .extracting(ex -> ((ApiCallException) ex).status()).isEqualTo(403);
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(1);
    }

    @Test
    void forbiddenOnAddUsersRejectsCallOnly() {
        respond(USERS, json(403, "{\"detail\":\"Customer belongs to another MSP\"}"));

        assertThatThrownBy(() -> addUsers(client()))
                .isInstanceOf(CallRejectedException.class)
                .hasMessage("HTTP 403 from the API: Customer belongs to another MSP")
                .extracting(ex -> ((ApiCallException) ex).status()).isEqualTo(403);
        assertThat(requestsTo(USERS)).isEqualTo(1);
    }

    @Test
    void forbiddenOnCreateIntegrationRejectsCallOnly() {
        respond(INTEGRATIONS, json(403, "{}"));

        assertThatThrownBy(() -> client().createIntegration("c-1",
                new IntegrationRequest("AWS", "Acme-AWS", Map.of()), "idem-7", new RequestCounter()))
                .isInstanceOf(CallRejectedException.class)
                .hasMessage("HTTP 403 from the API: Forbidden");
    }

    @Test
    void badRequestCarriesApiMessage() {
        respond(CUSTOMERS, json(400, "{\"message\":\"name is too long\",\"code\":17}"));

        assertThatThrownBy(() -> client().createCustomer("Acme", "idem-1", new RequestCounter()))
                .isInstanceOf(CallRejectedException.class)
                .hasMessage("HTTP 400 from the API: name is too long")
                .extracting(ex -> ((ApiCallException) ex).status()).isEqualTo(400);
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(1);
    }

    @Test
    void conflictCarriesErrorString() {
        respond(CUSTOMERS, json(409, "{\"error\":\"customer exists\"}"));

        assertThatThrownBy(() -> client().createCustomer("Acme", "idem-1", new RequestCounter()))
                .isInstanceOf(CallRejectedException.class)
                .hasMessage("HTTP 409 from the API: customer exists");
    }

    @Test
    void notFoundWithoutBodyGivesReasonPhrase() {
        respond(USERS, WireMock.aResponse().withStatus(404));

        assertThatThrownBy(() -> addUsers(client()))
                .isInstanceOf(CallRejectedException.class)
                .hasMessage("HTTP 404 from the API: Not Found");
    }

    @Test
    void longApiMessageIsShortened() {
        respond(USERS, json(422, "{\"message\":\"" + "invalid ".repeat(40) + "\"}"));

        assertThatThrownBy(() -> addUsers(client()))
                .isInstanceOf(CallRejectedException.class)
                .hasMessageStartingWith("HTTP 422 from the API: invalid invalid")
                .hasMessageEndingWith("…")
                .satisfies(ex -> assertThat(ex.getMessage()).hasSizeLessThanOrEqualTo(130));
    }

    @Test
    void apiKeyEchoedByApiIsMasked() {
        respond(USERS, json(401, "{\"message\":\"unknown key " + TestSettings.API_KEY + "\"}"));

        assertThatThrownBy(() -> addUsers(client()))
                .isInstanceOf(KeyRejectedException.class)
                .hasMessageNotContaining(TestSettings.API_KEY)
                .hasMessageContaining("unknown key [API key]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "",
        "<html><body>Service</body></html>",
        "{\"data\":{\"cloudformation_url\":\"https://console.example/cf\"}}",
        "{\"data\":{\"external_id\":7,\"cloudformation_url\":\"https://console.example/cf\"}}",
        "{\"data\":{\"external_id\":\" \",\"cloudformation_url\":\"https://console.example/cf\"}}",
        "{\"data\":{\"external_id\":\"ext-9\"}}",
        "{\"message\":\"CloudFormation Link created successfully.\"}",
        "[]"})
    void unusableLinkResponseIsInvalid(String body) {
        respond(LINK, ok(body));

        assertThatThrownBy(() -> client().createOnboardingLink("c-1", "payer", "cur", new RequestCounter()))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageStartingWith("Requesting the onboarding link failed because the HTTP 200 response ")
                .extracting(ex -> ((ApiCallException) ex).status()).isEqualTo(200);
        assertThat(requestsTo(LINK)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"data\":{}}",
        "{\"data\":{\"added_users\":{\"email\":\"a@example.com\"}}}",
        "{\"data\":{\"added_users\":[\"a@example.com\"]}}",
        "{\"data\":{\"added_users\":[],\"failed_users\":[{\"reason\":\"User not found\"}]}}"})
    void unusableUsersResponseIsInvalid(String body) {
        respond(USERS, ok(body));

        assertThatThrownBy(() -> addUsers(client()))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageStartingWith("Adding users failed because the HTTP 200 response is unusable (");
        assertThat(requestsTo(USERS)).isEqualTo(1);
    }

    @Test
    void invalidResponseNamesMissingField() {
        respond(INTEGRATIONS, json(201, "{\"data\":{\"customer_integration\":{\"name\":\"Acme-AWS\"}}}"));

        assertThatThrownBy(() -> client().createIntegration("c-1",
                new IntegrationRequest("AWS", "Acme-AWS", Map.of()), "idem-7", new RequestCounter()))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("Creating the integration may or may not have taken effect because the HTTP 201 response "
                        + "is unusable (data.customer_integration.integration_id is missing).");
    }

    @Test
    void unusableCustomerIdIsRejectedBeforeSending() {
        assertThatThrownBy(() -> client().addUsers("..", List.of("a@example.com"), "MSP-Admin",
                new RequestCounter()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private static UsersAdded addUsers(RestPlatformClient client) {
        return client.addUsers("c-1", List.of("a@example.com"), "MSP-Admin", new RequestCounter());
    }
}
