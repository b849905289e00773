package com.mspimporter.input;

/**
 * Raised when the input file as a whole cannot be used: unreadable, not CSV, or a bad header.
 * The message is one sentence for the operator, naming the physical line where there is one.
 */
public class InputFileException extends RuntimeException {

    private final long lineNumber;

    public InputFileException(String message, long lineNumber) {
        super(message);
        this.lineNumber = lineNumber;
    }

    public InputFileException(String message, long lineNumber, Throwable cause) {
        super(message, cause);
        this.lineNumber = lineNumber;
    }

    /** Returns the physical line of the problem, or 0 when it concerns the whole file. */
    public long lineNumber() {
        return lineNumber;
    }
}
