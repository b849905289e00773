package com.mspimporter.api;

/**
 * A call that did not give a usable answer. The subclass tells the caller what to do with the row;
 * the message is one sentence for the results file, with the HTTP status where there was one,
 * and never holds a header value or a request body.
 */
public abstract class ApiCallException extends RuntimeException {

    private final int status;

    protected ApiCallException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Returns the HTTP status of the last answer, or 0 when there was none. */
    public int status() {
        return status;
    }
}
