package com.mspimporter.api;

/** The API refused the call for a reason that a retry cannot change (a 4xx that is not transient). */
public class CallRejectedException extends ApiCallException {

    public CallRejectedException(String message, int status) {
        super(message, status, null);
    }
}
