package com.mspimporter.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * Stand-in for the platform's onboarding API, for integration tests and the demo run. It is a WireMock
 * server on a free port of 127.0.0.1 that responds to the four calls the way the platform does.
 *
 * <p>Every call needs the {@code X-API-Key} header with {@link #apiKey()} (otherwise {@code 401}) and
 * {@code Content-Type: application/json} (otherwise {@code 415}). The responses carry new UUIDs on every
 * call and echo the customer name, the integration name and type, and the emails of the request. Some
 * names trigger failures, so that a CSV alone can produce them:
 * <ul>
 * <li>a customer name containing {@code Rejected}: {@code 400} on create customer;
 * <li>a customer name containing {@code Flaky}: the first create request for that name gets
 * {@code 503} with {@code Retry-After: 1}, later ones succeed;
 * <li>an integration name containing {@code Duplicate}: {@code 409};
 * <li>an email whose local part starts with {@code unknown}: listed in {@code failed_users} with the
 * reason {@code User not found}.
 * </ul>
 *
 * <p>The built-in stubs have priority {@value #BUILT_IN_PRIORITY}. A stub added with
 * {@link #stub(MappingBuilder)}, which gets WireMock's default priority 5, or with any priority below 10
 * responds before them.
 */
public final class StandInApi implements AutoCloseable {

    /** WireMock priority of the built-in stubs: a lower number wins. */
    public static final int BUILT_IN_PRIORITY = 10;

    /** Priority of the stub that returns {@code 404} for paths outside the four calls. */
    private static final int FALLBACK_PRIORITY = 100;

    /**
     * Size of Jetty's thread pool. With a latency set, each request blocks a thread while it waits, so
     * the pool must exceed the max concurrent requests of a test plus Jetty's acceptor and selector
     * threads. NOTE: sized for 16 to 32 requests in flight; far more would wait in Jetty's queue and
     * add to the latency.
     */
    private static final int SERVER_THREADS = 64;

    private final WireMockServer server;
    private final String apiKey;
    private final RequestTally tally;

    private StandInApi(Builder builder) {
        this.apiKey = builder.apiKey;
        this.tally = new RequestTally(builder.requestJournal);
        CustomerDirectory customers = new CustomerDirectory(builder.existingCustomers);
        StandInResponder responder =
                new StandInResponder(apiKey, new EndpointResponses(customers, Clock.systemUTC()));

        WireMockConfiguration options = options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(SERVER_THREADS)
                .mappingSource(new NoStoredMappings())
                // the importer requests uncompressed responses, and the benchmark shares its cores with the stand-in
                .gzipDisabled(true)
                .stubRequestLoggingDisabled(true)
                .notifier(new Slf4jNotifier(false))
                .extensions(responder, tally);
        if (!builder.requestJournal) {
            options.disableRequestJournal();
        }

        server = new WireMockServer(options);
        server.start();
        if (!builder.latency.isZero()) {
            server.setGlobalFixedDelay(Math.toIntExact(builder.latency.toMillis()));
        }
        addBuiltInStubs();
    }

    /** Starts a stand-in with a random API key, no latency and the request journal on. */
    public static StandInApi start() {
        return builder().start();
    }

    /** Returns a builder for a stand-in with other options. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the root URL of the API, for example {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Returns the API key that every call must send as {@code X-API-Key}. */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Returns the WireMock server, for request verification. Verification needs the request journal,
     * which {@link Builder#withoutRequestJournal()} switches off.
     */
    public WireMockServer server() {
        return server;
    }

    /** Adds a stub with WireMock's default priority, which responds before the built-in stubs. */
    public StubMapping stub(MappingBuilder mapping) {
        return server.stubFor(mapping);
    }

    /**
     * Adds a stub with a priority. 1 is the highest, and a stub with any priority below
     * {@value #BUILT_IN_PRIORITY} responds before the built-in stubs.
     */
    public StubMapping stub(int priority, MappingBuilder mapping) {
        return server.stubFor(mapping.atPriority(priority));
    }

    /**
     * Returns how many requests reached a path (without query), whichever stub responded.
     *
     * @throws IllegalStateException when the stand-in runs without the request journal, which also drops
     *         the counts per path
     */
    public long requestCount(String path) {
        return tally.count(path);
    }

    /** Returns how many requests reached one of the four calls, over all customers. */
    public long requestCount(Endpoint endpoint) {
        return tally.count(endpoint);
    }

    /** Returns how many requests reached the server in total. */
    public long requestCount() {
        return tally.total();
    }

    /**
     * Returns the request count of every path that received a request, sorted by path.
     *
     * @throws IllegalStateException when the stand-in runs without the request journal
     */
    public Map<String, Long> requestCountsByPath() {
        return tally.snapshot();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    private void addBuiltInStubs() {
        for (Endpoint endpoint : Endpoint.values()) {
            server.stubFor(post(urlPathMatching(endpoint.pathRegex()))
                    .atPriority(BUILT_IN_PRIORITY)
                    .willReturn(aResponse()
                            .withTransformers(StandInResponder.NAME)
                            .withTransformerParameter(StandInResponder.ENDPOINT_PARAMETER, endpoint.name())));
        }
        // other paths and methods get a JSON 404, after the same API key check as the four calls
        server.stubFor(any(anyUrl())
                .atPriority(FALLBACK_PRIORITY)
                .willReturn(aResponse()
                        .withTransformers(StandInResponder.NAME)));
    }

    /** Options of a {@link StandInApi}. {@link #start()} starts the server with them. */
    public static final class Builder {

        private String apiKey = "stand-in-" + UUID.randomUUID();
        private Duration latency = Duration.ZERO;
        private boolean requestJournal = true;
        private final Map<String, String> existingCustomers = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the API key that calls must send. Without it, the stand-in uses a random key. */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("The API key of the stand-in must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** Delays every response, built-in or added, by a fixed time (whole milliseconds). */
        public Builder latency(Duration latency) {
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative() || latency.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("The latency must be between 0 and " + Integer.MAX_VALUE
                        + " ms, not " + latency);
            }
            this.latency = latency;
            return this;
        }

        /**
         * Keeps no request journal and no counts per path, so that runs of many thousand rows do not fill
         * the heap. Counts per endpoint and in total still work, but WireMock's {@code verify}, serve
         * events and {@link StandInApi#requestCount(String)} do not. The names of created customers are
         * still kept, so memory still grows with each customer.
         */
        public Builder withoutRequestJournal() {
            this.requestJournal = false;
            return this;
        }

        /**
         * Registers a customer that exists before the run, as a row with a {@code customer_id} expects,
         * so that responses about it carry its name. Calls for ids that were neither created nor
         * registered still succeed, with a {@code null} customer name.
         */
        public Builder existingCustomer(String customerId, String name) {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(name, "name");
            existingCustomers.put(customerId, name);
            return this;
        }

        /** Starts the server and adds the built-in stubs. */
        public StandInApi start() {
            return new StandInApi(this);
        }
    }

    /** Mappings source that loads no stubs, so that a {@code mappings} folder on disk cannot change the responses. */
    private static final class NoStoredMappings implements MappingsSource {

        @Override
        public void loadMappingsInto(StubMappings stubMappings) {
            // the stand-in adds its stubs in code
        }

        @Override
        public void save(List<StubMapping> stubMappings) {
            // stubs are never persisted
        }

        @Override
        public void save(StubMapping stubMapping) {
            // stubs are never persisted
        }

        // WireMock 3.13 deprecates this method but still declares it abstract, so it must be implemented
        @Override
        @SuppressWarnings("removal")
        public void remove(StubMapping stubMapping) {
            // nothing is persisted, so nothing to remove
        }

        @Override
        public void removeAll() {
            // nothing is persisted, so nothing to remove
        }
    }
}
