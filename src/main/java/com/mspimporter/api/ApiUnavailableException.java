package com.mspimporter.api;

/** The circuit breaker is open because too many recent requests failed: the whole run must stop. */
public class ApiUnavailableException extends ApiCallException {

    public ApiUnavailableException(String message, Throwable cause) {
        super(message, 0, cause);
    }
}
