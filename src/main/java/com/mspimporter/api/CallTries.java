package com.mspimporter.api;

import org.jspecify.annotations.Nullable;

/** The requests of one call so far; used by a single thread. */
final class CallTries<T> {

    private int sent;
    private @Nullable Attempt<T> last;
    private @Nullable Attempt<T> firstMaybeApplied;

    void record(Attempt<T> attempt) {
        sent++;
        last = attempt;
        boolean maybeApplied = attempt.outcome() == Outcome.RESPONSE_LOST || attempt.outcome() == Outcome.UNREADABLE;
        if (maybeApplied && firstMaybeApplied == null) {
            firstMaybeApplied = attempt;
        }
    }

    int sent() {
        return sent;
    }

    @Nullable
    Attempt<T> last() {
        return last;
    }

    /**
     * Returns the first request whose response was lost or unusable, after which the platform
     * may have acted, or {@code null} when every response so far shows what happened.
     */
    @Nullable
    Attempt<T> firstMaybeApplied() {
        return firstMaybeApplied;
    }
}
