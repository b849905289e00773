package com.mspimporter.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

/** Which failures the client retries, for create calls and for the others, and how long it waits. */
class RestPlatformClientRetryTest extends ApiStandIn {

    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void addUsersRetriesTransientStatus(int status) {
        respondInTurn(USERS, json(status, "{}"), ok(USERS_RESPONSE));

        UsersAdded result = client().addUsers("c-1", List.of("a@example.com"), "MSP-Admin", new RequestCounter());

        assertThat(result.added()).containsExactly("a@example.com");
        assertThat(requestsTo(USERS)).isEqualTo(2);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void onboardingLinkRetriesTransientStatus(int status) {
        respondInTurn(LINK, json(status, ""), ok(LINK_RESPONSE));

        OnboardingLink link = client().createOnboardingLink("c-1", "payer", "cur", new RequestCounter());

        assertThat(link.externalId()).isEqualTo("ext-9");
        assertThat(requestsTo(LINK)).isEqualTo(2);
    }

    @Test
    void addUsersRetriesReadTimeout() {
        RestPlatformClient client = warmClient(SHORT_READ_TIMEOUT, false);
        respondInTurn(USERS, ok(USERS_RESPONSE).withFixedDelay(1000), ok(USERS_RESPONSE));

        UsersAdded result = client.addUsers("c-1", List.of("a@example.com"), "MSP-Admin", new RequestCounter());

        assertThat(result.added()).containsExactly("a@example.com");
        assertThat(requestsTo(USERS)).isEqualTo(2);
    }

    @Test
    void addUsersRetriesConnectionReset() {
        respondInTurn(USERS, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok(USERS_RESPONSE));

        UsersAdded result = client().addUsers("c-1", List.of("a@example.com"), "MSP-Admin", new RequestCounter());

        assertThat(result.added()).containsExactly("a@example.com");
        assertThat(requestsTo(USERS)).isEqualTo(2);
    }

    @Test
    void addUsersGivesUpAfterMaxAttempts() {
        respond(USERS, json(503, "{}"));
        RequestCounter counter = new RequestCounter();

        assertThatThrownBy(() -> client(settings -> settings.maxAttempts = 4)
                .addUsers("c-1", List.of("a@example.com"), "MSP-Admin", counter))
                .isInstanceOf(TransientFailureException.class)
                .hasMessage("Adding users still failed after 4 tries because the API responded with "
                        + "HTTP 503 Service Unavailable.")
                .extracting(ex -> ((ApiCallException) ex).status()).isEqualTo(503);
        assertThat(requestsTo(USERS)).isEqualTo(4);
        assertThat(counter.sent()).isEqualTo(4);
    }

    @Test
    void counterCountsEveryAttempt() {
        respondInTurn(USERS, json(503, "{}"), json(503, "{}"), ok(USERS_RESPONSE));
        RequestCounter counter = new RequestCounter();

        client().addUsers("c-1", List.of("a@example.com"), "MSP-Admin", counter);

        assertThat(counter.sent()).isEqualTo(3);
        assertThat(requestsTo(USERS)).isEqualTo(3);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 425, 429, 503})
    void createCustomerRetriesNotAppliedStatus(int status) {
        respondInTurn(CUSTOMERS, json(status, "{}"), json(201, CUSTOMER_RESPONSE));

        CustomerCreated created = client().createCustomer("Acme", "idem-1", new RequestCounter());

        assertThat(created.customerId()).isEqualTo("c-1");
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(2);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 425, 429, 503})
    void createIntegrationRetriesNotAppliedStatus(int status) {
        respondInTurn(INTEGRATIONS, json(status, "{}"), json(201, INTEGRATION_RESPONSE));

        String id = createAwsIntegration(client(), new RequestCounter());

        assertThat(id).isEqualTo("i-7");
        assertThat(requestsTo(INTEGRATIONS)).isEqualTo(2);
    }

    @Test
    void createCustomerRetriesRunOut() {
        respond(CUSTOMERS, json(429, "{}"));

        assertThatThrownBy(() -> client().createCustomer("Acme", "idem-1", new RequestCounter()))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("after 3 tries")
                .hasMessageContaining("HTTP 429");
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(3);
    }

    static Stream<Arguments> lostResponses() {
        String prefix = "{\"data\":{\"customer_id\":\"c-1\",\"pad\":\"";
        return Stream.of(
                lost("HTTP 500", () -> json(500, "{}")),
                lost("HTTP 502", () -> json(502, "<html>Bad Gateway</html>")),
                lost("HTTP 504", () -> json(504, "")),
                lostAfterTimeout("read timeout", () -> json(201, CUSTOMER_RESPONSE).withFixedDelay(1000)),
                lostAfterTimeout("body that stalls",
                        () -> json(201, CUSTOMER_RESPONSE).withChunkedDribbleDelay(5, 1000)),
                lost("connection reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                lost("empty body", () -> json(201, "")),
                lost("malformed JSON", () -> json(201, "{\"data\":{\"customer_id\":")),
                lost("trailing garbage", () -> json(201, CUSTOMER_RESPONSE + "}")),
                lost("HTML body", () -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Welcome</body></html>")),
                lost("missing data", () -> json(201, "{\"name\":\"Acme\",\"customer_id\":\"c-1\"}")),
                lost("data not an object", () -> json(201, "{\"data\":\"c-1\"}")),
                lost("missing id", () -> json(201, "{\"data\":{\"name\":\"Acme\"}}")),
                lost("number id", () -> json(201, "{\"data\":{\"customer_id\":42}}")),
                lost("empty id", () -> json(201, "{\"data\":{\"customer_id\":\"\"}}")),
                lost("path step as id", () -> json(201, "{\"data\":{\"customer_id\":\"..\"}}")),
                lost("too large body", () -> json(201, prefix + "x".repeat(2000) + "\"}}")));
    }

    private static Arguments lost(String name, Supplier<ResponseDefinitionBuilder> response) {
        return Arguments.of(Named.of(name, response), TestSettings.READ_TIMEOUT);
    }

    private static Arguments lostAfterTimeout(String name, Supplier<ResponseDefinitionBuilder> response) {
        return Arguments.of(Named.of(name, response), SHORT_READ_TIMEOUT);
    }

    /**
     * Returns a client whose first call has been made, so that class loading on that call cannot use up
     * a short read timeout before the request under test leaves.
     */
    private RestPlatformClient warmClient(Duration readTimeout, boolean resendInDoubt) {
        RestPlatformClient client = client(settings -> {
            settings.readTimeout = readTimeout;
            settings.maxResponseSize = DataSize.ofKilobytes(1);
            settings.resendInDoubt = resendInDoubt;
        });
        respond(LINK, ok(LINK_RESPONSE));
        client.createOnboardingLink("c-1", "payer", "cur", new RequestCounter());
        return client;
    }

    private RestPlatformClient lostResponseClient(boolean resendInDoubt) {
        return warmClient(TestSettings.READ_TIMEOUT, resendInDoubt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostResponses")
    void createCustomerInDoubtAfterOneRequest(Supplier<ResponseDefinitionBuilder> response, Duration readTimeout) {
        RestPlatformClient client = warmClient(readTimeout, false);
        respond(CUSTOMERS, response.get());
        RequestCounter counter = new RequestCounter();

        assertThatThrownBy(() -> client.createCustomer("Acme", "idem-1", counter))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageStartingWith("Creating the customer may or may not have taken effect because ");
        assertThat(counter.sent()).isEqualTo(1);
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostResponses")
    void createCustomerResendsWhenAllowed(Supplier<ResponseDefinitionBuilder> response, Duration readTimeout) {
        RestPlatformClient client = warmClient(readTimeout, true);
        respondInTurn(CUSTOMERS, response.get(), json(201, CUSTOMER_RESPONSE));

        CustomerCreated created = client.createCustomer("Acme", "idem-1", new RequestCounter());

        assertThat(created.customerId()).isEqualTo("c-1");
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(2);
    }

    @Test
    void createIntegrationIsInDoubtAfterBadGateway() {
        respond(INTEGRATIONS, json(502, "{}"));

        assertThatThrownBy(() -> createAwsIntegration(client(), new RequestCounter()))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("Creating the integration may or may not have taken effect because the API responded with "
                        + "HTTP 502 Bad Gateway.")
                .extracting(ex -> ((ApiCallException) ex).status()).isEqualTo(502);
        assertThat(requestsTo(INTEGRATIONS)).isEqualTo(1);
    }

    @Test
    void resentCreateInDoubtAfterLastTry() {
        respond(CUSTOMERS, json(500, "{}"));

        assertThatThrownBy(() -> lostResponseClient(true).createCustomer("Acme", "idem-1", new RequestCounter()))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(3);
    }

    @Test
    void resentCreateInDoubtDespiteLater503() {
        respondInTurn(CUSTOMERS, json(500, "{}"), json(503, "{}"));

        assertThatThrownBy(() -> lostResponseClient(true).createCustomer("Acme", "idem-1", new RequestCounter()))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(3);
    }

    @Test
    void refusedConnectionIsRetriedThenTransient() throws IOException {
        RequestCounter counter = new RequestCounter();
        RestPlatformClient client = new RestPlatformClient(new TestSettings(closedPortUrl()).build());

        assertThatThrownBy(() -> client.createCustomer("Acme", "idem-1", counter))
                .isInstanceOf(TransientFailureException.class)
                .hasMessage("Creating the customer still failed after 3 tries because the connection to the API "
                        + "failed.")
                .extracting(ex -> ((ApiCallException) ex).status()).isEqualTo(0);
        assertThat(counter.sent()).isEqualTo(3);
    }

    @Test
    void connectTimeoutIsRetriedThenTransient() throws IOException {
        try (UnansweredListener silent = new UnansweredListener()) {
            TestSettings settings = new TestSettings(silent.url());
            settings.connectTimeout = Duration.ofMillis(200);
            RequestCounter counter = new RequestCounter();

            assertThatThrownBy(() -> new RestPlatformClient(settings.build())
                    .createCustomer("Acme", "idem-1", counter))
                    .isInstanceOf(TransientFailureException.class)
                    .hasMessageEndingWith("because connecting to the API timed out.");
            assertThat(counter.sent()).isEqualTo(3);
        }
    }

    @Test
    void slowConnectionIsRetried() throws IOException {
        // the whole call's deadline runs out while the connection is still opening, so nothing reached the API
        try (UnansweredListener silent = new UnansweredListener()) {
            TestSettings settings = new TestSettings(silent.url());
            settings.connectTimeout = Duration.ofSeconds(5);
            settings.readTimeout = Duration.ofMillis(300);
            RequestCounter counter = new RequestCounter();

            assertThatThrownBy(() -> new RestPlatformClient(settings.build())
                    .createCustomer("Acme", "idem-1", counter))
                    .isInstanceOf(TransientFailureException.class)
                    .hasMessageEndingWith("because connecting to the API timed out.");
            assertThat(counter.sent()).isEqualTo(3);
        }
    }

    /**
     * A listening socket that never accepts, with its backlog filled, after which the kernel leaves new connections
     * pending until the client gives up.
     */
    private static final class UnansweredListener implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final List<Socket> queued = new ArrayList<>();

        UnansweredListener() throws IOException {
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(server.getLocalSocketAddress(), 200);
                    queued.add(socket);
                } catch (SocketTimeoutException ex) {
                    socket.close();
                }
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : queued) {
                socket.close();
            }
            server.close();
        }
    }

    @Test
    void refusedConnectionIsRetriedForAddUsers() throws IOException {
        RequestCounter counter = new RequestCounter();
        RestPlatformClient client = new RestPlatformClient(new TestSettings(closedPortUrl()).build());

        assertThatThrownBy(() -> client.addUsers("c-1", List.of("a@example.com"), "MSP-Admin", counter))
                .isInstanceOf(TransientFailureException.class);
        assertThat(counter.sent()).isEqualTo(3);
    }

    @Test
    void retryAfterSecondsIsObeyed() {
        respondInTurn(CUSTOMERS, json(503, "{}").withHeader("Retry-After", "1"), json(201, CUSTOMER_RESPONSE));
        long started = System.nanoTime();

        client().createCustomer("Acme", "idem-1", new RequestCounter());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(2);
    }

    @Test
    void retryAfterDateIsObeyed() {
        long started = System.nanoTime();
        // Dates have whole seconds, so this one lies between 1 and 2 seconds ahead.
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS));
        respondInTurn(USERS, json(429, "{}").withHeader("Retry-After", date), ok(USERS_RESPONSE));

        client().addUsers("c-1", List.of("a@example.com"), "MSP-Admin", new RequestCounter());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(requestsTo(USERS)).isEqualTo(2);
    }

    @Test
    void retryAfterLongerThanAllowedEndsTries() {
        respond(CUSTOMERS, json(503, "{}").withHeader("Retry-After", "3600"));

        assertThatThrownBy(() -> client().createCustomer("Acme", "idem-1", new RequestCounter()))
                .isInstanceOf(TransientFailureException.class)
                .hasMessage("Creating the customer was not retried because the API requested a wait of 3600 s, longer "
                        + "than the 120 s allowed by importer.retry.max-retry-after (the API responded with HTTP 503 "
                        + "Service Unavailable).");
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(1);
    }

    @Test
    void retryAfterDateLongerThanAllowedEndsTries() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        respond(USERS, json(429, "{}").withHeader("Retry-After", date));

        assertThatThrownBy(() -> client().addUsers("c-1", List.of("a@example.com"), "MSP-Admin",
                new RequestCounter()))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("requested a wait of");
        assertThat(requestsTo(USERS)).isEqualTo(1);
    }

    private static String createAwsIntegration(RestPlatformClient client, RequestCounter counter) {
        Map<String, Object> secret =
                Map.of("role_arn", "arn:aws:iam::123456789012:role/Access", "external_id", "ext-9");
        return client.createIntegration("c-1", new IntegrationRequest("AWS", "Acme-AWS", secret), "idem-7", counter);
    }

    /** Returns a URL on a loopback port that was free a moment ago and has nothing listening. */
    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
