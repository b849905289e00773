package com.mspimporter.standin;

/** A request body that the stand-in rejects with {@code 400} and the exception message. */
final class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String message) {
        super(message);
    }
}
