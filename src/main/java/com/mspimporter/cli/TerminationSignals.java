package com.mspimporter.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a graceful stop: the run stops taking new rows, lets the calls in flight finish,
 * writes its results and exits with 1. The JVM's default would run shutdown hooks and end the process at once.
 */
final class TerminationSignals {

    private static final Logger log = LoggerFactory.getLogger(TerminationSignals.class);

    private TerminationSignals() {
    }

    static void onTerminate(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    log.warn("Received SIG{}: finishing the rows in flight, then writing the results", name);
                    action.run();
                });
            }
            catch (IllegalArgumentException ex) {
                log.debug("Signal {} cannot be handled on this platform", name);
            }
        }
    }
}
