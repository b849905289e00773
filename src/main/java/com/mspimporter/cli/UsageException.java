package com.mspimporter.cli;

/** A command line or setting that cannot be used; its message is one sentence, and the exit code is 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
