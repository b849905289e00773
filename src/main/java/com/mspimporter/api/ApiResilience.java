package com.mspimporter.api;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mspimporter.config.ImporterProperties;

/**
 * Runs the HTTP requests of a call through a Resilience4j retry per call kind, around an optional
 * {@link SlidingWindowRateLimiter} and a Resilience4j circuit breaker, which both see every single request.
 *
 * <p>The retry works on {@link Attempt} results rather than exceptions, so that the breaker can count
 * 4xx responses as successes and transient failures as failures. The only exceptions that leave
 * {@link #execute} are {@code CallNotPermittedException} when the breaker is open and
 * {@code CancellationException} when the thread is interrupted while it waits for a rate-limit slot
 * or between tries.
 */
final class ApiResilience {

    private static final Logger log = LoggerFactory.getLogger(ApiResilience.class);

    /** Keeps an open breaker open for the rest of the run, which stops once the breaker opens. */
    private static final Duration OPEN_STATE_WAIT = Duration.ofDays(1);

    private final ImporterProperties.Retry settings;
    private final IntervalFunction backoff;
    private final Map<CallKind, Retry> retries = new EnumMap<>(CallKind.class);
    private final CircuitBreaker circuitBreaker;
    private final @Nullable SlidingWindowRateLimiter rateLimiter;

    ApiResilience(ImporterProperties.Retry retry, ImporterProperties.CircuitBreaker breaker,
            @Nullable Double rateLimitPerSecond) {
        this.settings = retry;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(
                Math.max(1, retry.initialWait().toMillis()), 2.0, 0.5, Math.max(1, retry.maxWait().toMillis()));
        for (CallKind kind : CallKind.values()) {
            retries.put(kind, Retry.of(kind.stepName(), retryConfig(kind)));
        }
        this.circuitBreaker = CircuitBreaker.of("platform-api", breakerConfig(breaker));
        this.rateLimiter = rateLimitPerSecond == null ? null : SlidingWindowRateLimiter.perSecond(rateLimitPerSecond);
    }

    private RetryConfig retryConfig(CallKind kind) {
        return RetryConfig.<Attempt<?>>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnResult(attempt -> isRetryable(kind, attempt))
                .retryOnException(ex -> false)
                .intervalBiFunction((Integer tries, Either<Throwable, Attempt<?>> last) -> wait(kind, tries, last))
                .build();
    }

    private static CircuitBreakerConfig breakerConfig(ImporterProperties.CircuitBreaker breaker) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(breaker.window(), breaker.window(), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(breaker.failureRate().value())
                .recordResult(result -> result instanceof Attempt<?> attempt && attempt.countsAsFailure())
                // Exceptions here are programming errors or interrupts, not responses of the API.
                .ignoreException(ex -> true)
                // Slow calls already fail through the read timeout, so the breaker need not count them again.
                .slowCallDurationThreshold(OPEN_STATE_WAIT)
                .waitDurationInOpenState(OPEN_STATE_WAIT)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .build();
    }

    /** Sends the request as often as the retry rules allow and returns the last attempt. */
    <T> Attempt<T> execute(CallKind kind, Supplier<Attempt<T>> request) {
        // The breaker is asked after the wait for a rate-limit slot, so that no request leaves once it opened.
        Supplier<Attempt<T>> guarded = CircuitBreaker.decorateSupplier(circuitBreaker, request);
        Supplier<Attempt<T>> limited = rateLimiter == null ? guarded : () -> rateLimiter.call(guarded);
        return Retry.decorateSupplier(retries.get(kind), limited).get();
    }

    /** Returns whether the circuit breaker is open, so that the run must stop. */
    boolean isCircuitOpen() {
        return circuitBreaker.getState() == CircuitBreaker.State.OPEN
                || circuitBreaker.getState() == CircuitBreaker.State.FORCED_OPEN;
    }

    /** Returns a short description of the breaker's rule, for messages. */
    String circuitRule() {
        CircuitBreakerConfig config = circuitBreaker.getCircuitBreakerConfig();
        return "at least " + Math.round(config.getFailureRateThreshold()) + "% of the last "
                + config.getSlidingWindowSize() + " requests failed";
    }

    boolean isRetryable(CallKind kind, Attempt<?> attempt) {
        if (attempt.retryAfterExceeds(settings.maxRetryAfter())) {
            return false;
        }
        return switch (attempt.outcome()) {
            case NOT_APPLIED -> true;
            case RESPONSE_LOST -> !kind.isCreate() || settings.resendInDoubt();
            case UNREADABLE -> kind.isCreate() && settings.resendInDoubt();
            case SUCCEEDED, KEY_REJECTED, REJECTED -> false;
        };
    }

    /** Returns the wait before the next try: the backoff, or the API's {@code Retry-After} when longer. */
    private long wait(CallKind kind, int tries, Either<Throwable, Attempt<?>> last) {
        long wait = backoff.apply(tries);
        String problem = "an exception";
        if (last.isRight()) {
            Attempt<?> attempt = last.get();
            problem = attempt.problem();
            if (attempt.retryAfter() != null) {
                wait = Math.max(wait, attempt.retryAfter().toMillis());
            }
        }
        log.debug("Try {} of {} failed ({}), retrying in {} ms", tries, kind.stepName(), problem, wait);
        return wait;
    }
}
