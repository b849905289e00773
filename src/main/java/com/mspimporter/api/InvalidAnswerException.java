package com.mspimporter.api;

/**
 * A call that is not a create call got a 2xx answer that does not follow the API's contract
 * (not JSON, missing {@code data}, missing ids, wrong types, too large).
 */
public class InvalidAnswerException extends ApiCallException {

    public InvalidAnswerException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }
}
