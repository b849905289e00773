package com.mspimporter.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The result of one HTTP request of a call.
 *
 * @param outcome what the request came to
 * @param status the HTTP status, or 0 when no response arrived
 * @param value the parsed response when the outcome is {@link Outcome#SUCCEEDED}
 * @param problem a short phrase saying what went wrong, without body or header values
 * @param retryAfter the wait that the API requested with {@code Retry-After}, if any
 * @param cause the I/O or parsing failure behind the problem, if any
 */
record Attempt<T>(
        Outcome outcome,
        int status,
        @Nullable T value,
        String problem,
        @Nullable Duration retryAfter,
        @Nullable Throwable cause) {

    static <T> Attempt<T> succeeded(int status, T value) {
        return new Attempt<>(Outcome.SUCCEEDED, status, value, "", null, null);
    }

    static <T> Attempt<T> failed(Outcome outcome, int status, String problem, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        return new Attempt<>(outcome, status, null, problem, retryAfter, cause);
    }

    boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }

    /**
     * Returns whether the circuit breaker counts this request as failed: transient failures,
     * unreadable 2xx responses and any 5xx. A 4xx is the API working as designed.
     */
    boolean countsAsFailure() {
        return outcome.isTransient() || outcome == Outcome.UNREADABLE || status >= 500;
    }

    /** Returns whether the API requested a longer wait than {@code maxRetryAfter}. */
    boolean retryAfterExceeds(Duration maxRetryAfter) {
        return retryAfter != null && retryAfter.compareTo(maxRetryAfter) > 0;
    }
}
