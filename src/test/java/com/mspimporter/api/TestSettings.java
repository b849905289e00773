package com.mspimporter.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

import com.mspimporter.config.ImporterProperties;
import com.mspimporter.config.Limit;
import com.mspimporter.config.Percent;

/** Settings for client tests: short waits and timeouts, a wide circuit-breaker window, no rate limit. */
final class TestSettings {

    static final String API_KEY = "test-key-5f1c9a";
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    URI baseUrl;
    String key = API_KEY;
    Duration connectTimeout = Duration.ofSeconds(2);
    Duration readTimeout = READ_TIMEOUT;
    DataSize maxResponseSize = DataSize.ofMegabytes(1);
    boolean allowInsecureHttp;
    int maxAttempts = 3;
    Duration initialWait = Duration.ofMillis(10);
    Duration maxWait = Duration.ofMillis(40);
    Duration maxRetryAfter = Duration.ofMinutes(2);
    boolean resendInDoubt;
    int window = 1000;
    float failureRate = 50;
    Double rateLimitPerSecond;

    TestSettings(String baseUrl) {
        this.baseUrl = baseUrl == null ? null : URI.create(baseUrl);
    }

    ImporterProperties.Api api() {
        return new ImporterProperties.Api(baseUrl, key, connectTimeout, readTimeout, maxResponseSize,
                allowInsecureHttp);
    }

    ImporterProperties build() {
        return new ImporterProperties(
                api(),
                new ImporterProperties.Retry(maxAttempts, initialWait, maxWait, maxRetryAfter, resendInDoubt),
                new ImporterProperties.CircuitBreaker(window, new Percent(failureRate)),
                new ImporterProperties.Input(StandardCharsets.UTF_8, DataSize.ofMegabytes(1)),
                8,
                rateLimitPerSecond,
                Limit.parse("50%"),
                null,
                "done");
    }
}
