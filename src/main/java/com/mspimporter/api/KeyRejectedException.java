package com.mspimporter.api;

/** The API refused the key (401, or 403 on creating a customer): the whole run must stop. */
public class KeyRejectedException extends ApiCallException {

    public KeyRejectedException(String message, int status) {
        super(message, status, null);
    }
}
