package com.mspimporter.job;

/** Ends the onboard step when the run stopped before finishing its rows; a restart continues them. */
public class RunStoppedException extends RuntimeException {

    private final StopReason reason;

    public RunStoppedException(StopReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StopReason reason() {
        return reason;
    }
}
