package com.mspimporter.config;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the importer, bound from {@code importer.*} properties, command-line options and
 * environment variables such as {@code IMPORTER_API_KEY}.
 *
 * @param api how to reach the platform API
 * @param retry how transient failures of a call are retried
 * @param circuitBreaker when the run stops because the API as a whole is failing
 * @param input how the input CSV is read
 * @param concurrency rows onboarded at the same time
 * @param rateLimitPerSecond maximum API calls in any second, or {@code null} for no limit
 * @param maxRejectedRows the file is refused before any call when more rows than this are rejected
 * @param deadline time after which the run stops taking new rows, or {@code null} for none
 * @param doneDir folder, relative to the drop folder, that receives completed files
 */
@Validated
@ConfigurationProperties("importer")
public record ImporterProperties(
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue Retry retry,
        @Valid @NotNull @DefaultValue CircuitBreaker circuitBreaker,
        @Valid @NotNull @DefaultValue Input input,
        @Min(1) @Max(256) @DefaultValue("8") int concurrency,
        @DecimalMin("0.1") Double rateLimitPerSecond,
        @NotNull @DefaultValue("50%") Limit maxRejectedRows,
        Duration deadline,
        @NotBlank @DefaultValue("done") String doneDir) {

    public ImporterProperties {
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("importer.deadline must be a positive duration such as 6h, not "
                    + deadline);
        }
    }

    /**
     * Connection to the platform API.
     *
     * @param baseUrl root of the API, for example {@code https://api.example.com}
     * @param key the API key sent as {@code X-API-Key}; never logged or stored
     * @param connectTimeout longest wait for a connection
     * @param readTimeout longest wait for a response once the request is sent
     * @param maxResponseSize longest answer body that is read
     * @param allowInsecureHttp permits plain HTTP to a host other than loopback
     */
    public record Api(
            URI baseUrl,
            String key,
            @NotNull @DefaultValue("5s") Duration connectTimeout,
            @NotNull @DefaultValue("30s") Duration readTimeout,
            @NotNull @DefaultValue("1MB") DataSize maxResponseSize,
            @DefaultValue("false") boolean allowInsecureHttp) {

        /** Prints every setting but the key, so that logging the settings never leaks it. */
        @Override
        public String toString() {
            return "Api[baseUrl=" + baseUrl + ", key=" + (key == null || key.isBlank() ? "<none>" : "<set>")
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                    + ", maxResponseSize=" + maxResponseSize + ", allowInsecureHttp=" + allowInsecureHttp + "]";
        }
    }

    /**
     * Retries of one API call.
     *
     * @param maxAttempts tries per call, the first included
     * @param initialWait wait before the first retry; doubled, with jitter, before each later one
     * @param maxWait longest wait between two tries
     * @param maxRetryAfter longest {@code Retry-After} obeyed; a longer one ends the call's tries
     * @param resendInDoubt re-send create calls whose response was lost instead of marking the row in doubt
     */
    public record Retry(
            @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
            @NotNull @DefaultValue("500ms") Duration initialWait,
            @NotNull @DefaultValue("30s") Duration maxWait,
            @NotNull @DefaultValue("2m") Duration maxRetryAfter,
            @DefaultValue("false") boolean resendInDoubt) {
    }

    /**
     * The rule that stops the run when the API keeps failing.
     *
     * @param window number of most recent requests that are looked at
     * @param failureRate share of those requests that failed transiently and opens the breaker
     */
    public record CircuitBreaker(
            @Min(2) @Max(10_000) @DefaultValue("20") int window,
            @NotNull @DefaultValue("50%") Percent failureRate) {
    }

    /**
     * Reading of the input CSV.
     *
     * @param charset encoding of the file
     * @param maxRecordLength longest record, in characters, before the file is refused
     */
    public record Input(
            @NotNull @DefaultValue("UTF-8") Charset charset,
            @NotNull @DefaultValue("1MB") DataSize maxRecordLength) {
    }
}
