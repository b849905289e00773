package com.mspimporter.api;

/**
 * A call whose tries ran out on transient failures, or whose {@code Retry-After} was longer than allowed.
 * For a create call this is thrown only when the failures prove that nothing was created,
 * so the row can safely be tried again by a later run.
 */
public class TransientFailureException extends ApiCallException {

    public TransientFailureException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }
}
