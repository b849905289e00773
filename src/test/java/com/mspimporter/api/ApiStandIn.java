package com.mspimporter.api;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/** Base of the client tests: a WireMock server on a free loopback port standing in for the platform API. */
abstract class ApiStandIn {

    static final String CUSTOMERS = "/msp/customers";
    static final String LINK = "/onboarding/aws/cloudformation-link";
    static final String USERS = "/msp/customers/c-1/users";
    static final String INTEGRATIONS = "/msp/customers/c-1/integrations";

    static final String CUSTOMER_RESPONSE = "{\"data\":{\"name\":\"Acme\",\"customer_id\":\"c-1\"}}";
    static final String LINK_RESPONSE =
            "{\"data\":{\"cloudformation_url\":\"https://console.example/cf\",\"external_id\":\"ext-9\"},"
                    + "\"message\":\"CloudFormation Link created successfully.\"}";
    static final String INTEGRATION_RESPONSE =
            "{\"data\":{\"customer_id\":\"c-1\",\"customer_integration\":{\"integration_id\":\"i-7\","
                    + "\"name\":\"Acme-AWS\",\"type\":\"AWS\"}}}";
    static final String USERS_RESPONSE =
            "{\"data\":{\"added_users\":[{\"email\":\"a@example.com\",\"role\":\"MSP-Admin\"}],"
                    + "\"failed_users\":[]}}";

    WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    RestPlatformClient client() {
        return client(settings -> { });
    }

    RestPlatformClient client(Consumer<TestSettings> changes) {
        TestSettings settings = new TestSettings(baseUrl());
        changes.accept(settings);
        return new RestPlatformClient(settings.build());
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder ok(String body) {
        return json(200, body);
    }

    void respond(String path, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(path)).willReturn(response));
    }

    /** Responds to successive POSTs to the path with the given responses in turn; the last one repeats. */
    void respondInTurn(String path, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var stub = post(urlEqualTo(path)).inScenario("responses to " + path)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after " + i)
                    .willReturn(responses[i]);
            if (i < responses.length - 1) {
                stub = stub.willSetStateTo("after " + (i + 1));
            }
            server.stubFor(stub);
        }
    }

    /**
     * Returns how many POSTs to the path the server has logged. A request that the client gave up on
     * may be logged a moment after the client returned, so the count is read again for up to
     * five seconds while it is zero.
     */
    int requestsTo(String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int count = countRequestsTo(path);
        while (count == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            count = countRequestsTo(path);
        }
        return count;
    }

    private int countRequestsTo(String path) {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo(path)).build()).getCount();
    }
}
