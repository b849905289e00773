package com.mspimporter.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four calls of the platform API, responding as the test stand-in does to a valid request, on the JDK's
 * built-in HTTP server, for the benchmark. Each response leaves a fixed latency after its request arrived.
 *
 * <p>The benchmark shares 2 cores between the importer and its stand-in. The WireMock stand-in of the tests
 * matches every request against its stubs and builds a served event for it, which cost it about 0.45 ms of CPU
 * per request, nearly half of what the importer needed per call. This server does only what the four responses
 * need: it checks the API key, reads the JSON body and writes the response, so the cores go to the importer.
 *
 * <p>It counts the requests and records when the first and the last arrived, from {@link #startCounting()} on, so
 * that warm-up traffic is left out.
 */
final class LeanStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CUSTOMER_CALL = Pattern.compile("/msp/customers/([^/]+)/(integrations|users)");
    private static final String TENANT_HEADER = "X-Wiv-Impersonated-Tenant-Id";

    private final String apiKey;
    private final HttpServer server;
    private final ExecutorService threads;
    private volatile long latencyNanos;
    private volatile boolean counting;
    private final AtomicLong firstNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);
    private final LongAdder requests = new LongAdder();
    private final long startNanos = System.nanoTime();
    private final Instant start = Instant.now();

    /**
     * Starts the server on a free port of 127.0.0.1.
     *
     * @param threads requests served at once; with a latency, each one occupies a thread while it waits
     */
    LeanStandIn(String apiKey, int threads) throws IOException {
        this.apiKey = apiKey;
        AtomicInteger threadNumber = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "lean-stand-in-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // The server writes a response's headers and body separately; with Nagle's algorithm on, the body would
        // wait for the acknowledgement of the headers. The property is read when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(this.threads);
        server.createContext("/", this::serve);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String apiKey() {
        return apiKey;
    }

    /** Sets the time from a request's arrival to its response. */
    void latency(Duration latency) {
        this.latencyNanos = latency.toNanos();
    }

    /** Counts the requests that arrive from now on. */
    void startCounting() {
        counting = true;
    }

    /** Returns the arrival time of the first counted request, or empty when none arrived. */
    Optional<Instant> first() {
        return instantOf(firstNanos.get(), Long.MAX_VALUE);
    }

    /** Returns the arrival time of the last counted request, or empty when none arrived. */
    Optional<Instant> last() {
        return instantOf(lastNanos.get(), Long.MIN_VALUE);
    }

    long requestCount() {
        return requests.sum();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        long arrival = System.nanoTime();
        if (counting) {
            firstNanos.accumulateAndGet(arrival, Math::min);
            lastNanos.accumulateAndGet(arrival, Math::max);
            requests.increment();
        }
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Reply reply = respond(exchange, body);
            waitUntil(arrival + latencyNanos);
            byte[] bytes = JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Reply respond(HttpExchange exchange, byte[] body) {
        if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
            return Reply.error(401, "Invalid API key");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return Reply.error(405, "Only POST is served");
        }
        JsonNode request;
        try {
            request = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        }
        catch (JacksonException ex) {
            return Reply.error(400, "The body is not valid JSON");
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/msp/customers")) {
            return createCustomer(request);
        }
        if (path.equals("/onboarding/aws/cloudformation-link")) {
            return onboardingLink(exchange.getRequestHeaders().getFirst(TENANT_HEADER));
        }
        Matcher customerCall = CUSTOMER_CALL.matcher(path);
        if (customerCall.matches()) {
            return customerCall.group(2).equals("integrations")
                    ? createIntegration(customerCall.group(1), request)
                    : addUsers(customerCall.group(1), request);
        }
        return Reply.error(404, "No such path: " + path);
    }

    private static Reply createCustomer(JsonNode request) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("name", request.path("name").asString());
        data.put("customer_id", UUID.randomUUID().toString());
        return new Reply(200, root);
    }

    private static Reply onboardingLink(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return Reply.error(400, "Header " + TENANT_HEADER + " is missing");
        }
        String externalId = UUID.randomUUID().toString();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("cloudformation_url", "https://console.aws.example/cloudformation/quickcreate?externalId="
                + externalId);
        data.put("pre_signed_url", "https://templates.example/onboarding.yaml");
        data.put("external_id", externalId);
        root.put("message", "Onboarding link generated.");
        return new Reply(200, root);
    }

    private static Reply createIntegration(String customerId, JsonNode request) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("customer_id", customerId);
        ObjectNode integration = data.putObject("customer_integration");
        integration.put("integration_id", UUID.randomUUID().toString());
        integration.put("name", request.path("name").asString());
        integration.put("type", request.path("type").asString());
        return new Reply(200, root);
    }

    private static Reply addUsers(String customerId, JsonNode request) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data");
        ArrayNode added = data.putArray("added_users");
        for (JsonNode email : request.path("user_emails")) {
            ObjectNode user = added.addObject();
            user.put("email", email.asString());
            user.put("role", request.path("role").asString());
        }
        data.putArray("failed_users");
        data.put("customer_id", customerId);
        return new Reply(200, root);
    }

    private static void waitUntil(long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Instant> instantOf(long nanos, long none) {
        return nanos == none ? Optional.empty() : Optional.of(start.plusNanos(nanos - startNanos));
    }

    private record Reply(int status, ObjectNode body) {

        static Reply error(int status, String message) {
            ObjectNode body = JSON.createObjectNode();
            body.put("message", message);
            return new Reply(status, body);
        }
    }
}
