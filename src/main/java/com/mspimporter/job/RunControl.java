package com.mspimporter.job;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Tells the rows in flight whether the run should stop taking new rows, and why. A termination request or a
 * passed deadline lasts for the rest of the process; the other reasons concern one file.
 */
@Component
public class RunControl {

    /** A stop request and the sentence that explains it to the operator. */
    public record Stop(StopReason reason, String message) {
    }

    private final Clock clock;
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private volatile Instant deadline;

    public RunControl(Clock clock) {
        this.clock = clock;
    }

    /** Records the first stop request; later ones are ignored, so the message names the original cause. */
    public void requestStop(StopReason reason, String message) {
        stop.compareAndSet(null, new Stop(reason, message));
    }

    public void stopAt(Instant when) {
        deadline = when;
    }

    /** Returns the stop request, if any, checking the deadline first. */
    public Stop stopRequest() {
        Instant due = deadline;
        if (due != null && !clock.instant().isBefore(due)) {
            requestStop(StopReason.DEADLINE, "The deadline set by importer.deadline passed; the remaining rows stay"
                    + " PENDING for the next run.");
        }
        return stop.get();
    }

    public boolean shouldStop() {
        return stopRequest() != null;
    }

    /** Clears a stop that concerned one file before the next file starts; termination and deadline stay. */
    public void resetForNextFile() {
        stop.updateAndGet(current -> current != null
                && (current.reason() == StopReason.TERMINATED || current.reason() == StopReason.DEADLINE)
                ? current : null);
    }
}
