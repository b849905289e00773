package com.mspimporter.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Turns the requests of a call that did not succeed into the {@link ApiCallException} that shows
 * the caller what to do with the row. Every message is one sentence without body or header values,
 * and the API key is masked should the API ever echo it.
 */
final class CallFailures {

    private final Duration maxRetryAfter;
    private final @Nullable String apiKey;

    CallFailures(Duration maxRetryAfter, @Nullable String apiKey) {
        this.maxRetryAfter = maxRetryAfter;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** Returns the exception for a call whose tries ended on a failure. */
    ApiCallException afterTries(CallKind kind, CallTries<?> tries) {
        Attempt<?> last = tries.last();
        if (last == null) {
            throw new IllegalStateException("No request of the call was recorded.");
        }
        Attempt<?> maybeApplied = tries.firstMaybeApplied();
        if (kind.isCreate() && maybeApplied != null) {
            return outcomeUnknown(kind, maybeApplied);
        }
        return switch (last.outcome()) {
            case KEY_REJECTED -> keyRejected(kind, last);
            case REJECTED -> new CallRejectedException(mask(last.problem()), last.status());
            case UNREADABLE -> new InvalidAnswerException(
                    mask(kind.actionAtSentenceStart() + " failed because " + last.problem() + "."), last.status(),
                    last.cause());
            case NOT_APPLIED, RESPONSE_LOST -> transientFailure(kind, tries.sent(), last);
            case SUCCEEDED -> throw new IllegalStateException("A successful call has no failure.");
        };
    }

    /** Returns the exception for a call that the open circuit breaker kept from being sent. */
    ApiCallException circuitOpen(CallKind kind, CallTries<?> tries, String rule, Throwable cause) {
        Attempt<?> maybeApplied = tries.firstMaybeApplied();
        if (kind.isCreate() && maybeApplied != null) {
            return outcomeUnknown(kind, maybeApplied);
        }
        return new ApiUnavailableException(kind.actionAtSentenceStart()
                + " was not sent because the circuit breaker opened after " + rule + ".", cause);
    }

    /** Returns the exception for a call whose thread was interrupted while it waited to send. */
    ApiCallException interrupted(CallKind kind, CallTries<?> tries, Throwable cause) {
        Attempt<?> maybeApplied = tries.firstMaybeApplied();
        if (kind.isCreate() && maybeApplied != null) {
            return outcomeUnknown(kind, maybeApplied);
        }
        Attempt<?> last = tries.last();
        return new TransientFailureException(kind.actionAtSentenceStart() + " was interrupted before it finished.",
                last == null ? 0 : last.status(), cause);
    }

    private OutcomeUnknownException outcomeUnknown(CallKind kind, Attempt<?> maybeApplied) {
        return new OutcomeUnknownException(mask(kind.actionAtSentenceStart()
                + " may or may not have taken effect because " + maybeApplied.problem() + "."),
                maybeApplied.status(), maybeApplied.cause());
    }

    private KeyRejectedException keyRejected(CallKind kind, Attempt<?> last) {
        String meaning = last.status() == 403 && kind == CallKind.CREATE_CUSTOMER
                ? "The API key may not create customers"
                : "The API rejected the key";
        return new KeyRejectedException(mask(meaning + " (" + last.problem() + ")."), last.status());
    }

    private TransientFailureException transientFailure(CallKind kind, int sent, Attempt<?> last) {
        String message;
        if (last.retryAfterExceeds(maxRetryAfter)) {
            message = kind.actionAtSentenceStart() + " was not retried because the API requested a wait of "
                    + seconds(last.retryAfter()) + ", longer than the " + seconds(maxRetryAfter)
                    + " allowed by importer.retry.max-retry-after (" + last.problem() + ").";
        } else {
            message = kind.actionAtSentenceStart() + " still failed after " + sent + (sent == 1 ? " try" : " tries")
                    + " because " + last.problem() + ".";
        }
        return new TransientFailureException(mask(message), last.status(), last.cause());
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    private String mask(String message) {
        return apiKey == null ? message : message.replace(apiKey, "[API key]");
    }
}
