package com.mspimporter.input;

import java.nio.file.Path;

/**
 * Raised when a service-account key file cannot be used. The message names the file and what is
 * wrong with it, and never contains any part of the file's content.
 */
public class InvalidKeyFileException extends RuntimeException {

    private final String reason;

    InvalidKeyFileException(Path file, String reason) {
        this(file.toString(), reason);
    }

    InvalidKeyFileException(String file, String reason) {
        super("The service-account key file " + file + " " + reason + ".");
        this.reason = reason;
    }

    InvalidKeyFileException(Path file, String reason, Throwable cause) {
        super("The service-account key file " + file + " " + reason + ".", cause);
        this.reason = reason;
    }

    /** Returns what is wrong, as the end of a sentence whose subject is the file, for example "is not found". */
    public String reason() {
        return reason;
    }
}
