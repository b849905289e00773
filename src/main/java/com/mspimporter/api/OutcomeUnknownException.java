package com.mspimporter.api;

/**
 * A create call that was sent but whose answer was lost (read timeout, reset, 500, 502, 504, or a 2xx
 * that cannot be read): the platform may or may not have created the resource.
 */
public class OutcomeUnknownException extends ApiCallException {

    public OutcomeUnknownException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }
}
