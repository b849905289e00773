package com.mspimporter.api;

/** The result class of one HTTP request of a call. */
enum Outcome {

    /** A 2xx response whose body was read. */
    SUCCEEDED,

    /**
     * A transient failure that proves the platform did not act: no connection, a connect timeout,
     * or HTTP 408, 425, 429 or 503.
     */
    NOT_APPLIED,

    /**
     * A transient failure after which the platform may have acted: a read timeout, a broken connection,
     * or HTTP 500, 502 or 504.
     */
    RESPONSE_LOST,

    /** A 2xx response whose body is too large, not JSON, or lacks the values the call needs. */
    UNREADABLE,

    /** The API refused the key: HTTP 401 on any call, or 403 on creating a customer. */
    KEY_REJECTED,

    /** Any other response that a retry cannot change, such as a 4xx. */
    REJECTED;

    /** Returns whether this outcome is a transient failure, one that a later try may not repeat. */
    boolean isTransient() {
        return this == NOT_APPLIED || this == RESPONSE_LOST;
    }
}
