package com.mspimporter.job;

/**
 * The reason a run stopped before every row was finished. Each reason ends the run with exit code 1, except the
 * last, which ends it with 2.
 */
public enum StopReason {

    /** The API refused the key. */
    KEY_REJECTED,
    /** The circuit breaker opened: the API as a whole is failing. */
    API_UNAVAILABLE,
    /** Some rows ran out of retries on transient failures. */
    ROWS_PENDING,
    /** The process was asked to terminate. */
    TERMINATED,
    /** The configured deadline passed. */
    DEADLINE,
    /** An unexpected error, such as a lost job database. */
    FAILURE,
    /** Too many rows are invalid, so no call was made. */
    INPUT_REFUSED
}
