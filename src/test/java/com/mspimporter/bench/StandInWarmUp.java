package com.mspimporter.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * Traffic that warms up the benchmark's stand-in API before the importer starts. A real API runs warm on machines of its
 * own. The stand-in shares the importer's cores, and while its JVM compiles its hot code the compiler competes
 * with the importer, which would then be measured against a slower API.
 *
 * <p>A number of threads each walk their share of the rows through the four calls a row makes: create a
 * customer, fetch its onboarding link, create its AWS integration and add a user. Customer names start with
 * {@code Warm-up}, so they never clash with the benchmark's own.
 */
final class StandInWarmUp {

    private static final int THREADS = 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    StandInWarmUp(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /**
     * Sends the four calls of each row from several threads and waits for them.
     *
     * @return the number of calls sent
     * @throws IllegalStateException when a call fails, naming the call and its status
     */
    long run(long rows) throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int first = i;
            Thread thread = new Thread(() -> {
                try {
                    for (long row = first; row < rows && failure.get() == null; row += THREADS) {
                        walk(row);
                        calls.addAndGet(4);
                    }
                }
                catch (RuntimeException ex) {
                    failure.compareAndSet(null, ex);
                }
            }, "warm-up-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return calls.get();
    }

    private void walk(long row) {
        String customer = post("/msp/customers", null, "{\"name\":\"Warm-up customer " + row + "\"}")
                .path("data").path("customer_id").asString();
        String externalId = post("/onboarding/aws/cloudformation-link", customer,
                "{\"account_type\":\"payer\",\"cur_config_type\":\"cur\"}").path("data").path("external_id")
                .asString();
        post("/msp/customers/" + customer + "/integrations", null, "{\"type\":\"AWS\",\"name\":\"Warm-up " + row
                + "\",\"integration_secret\":{\"role_arn\":\"arn:aws:iam::123456789012:role/FinOpsReadOnly\","
                + "\"external_id\":\"" + externalId + "\"}}");
        post("/msp/customers/" + customer + "/users", null,
                "{\"user_emails\":[\"warm-up-" + row + "@example.com\"],\"role\":\"MSP-Admin\"}");
    }

    private JsonNode post(String path, String tenant, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (tenant != null) {
            request.header("X-Wiv-Impersonated-Tenant-Id", tenant);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("Warming up the stand-in failed: POST " + path + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Warming up the stand-in was interrupted", ex);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Warming up the stand-in failed: POST " + path + " returned HTTP "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
