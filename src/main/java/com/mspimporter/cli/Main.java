package com.mspimporter.cli;

/** Entry point of {@code java -jar msp-importer.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the importer with command-line arguments and returns the exit code instead of exiting,
     * so that a test or the demo can run it in process.
     */
    public static int run(String... args) {
        throw new UnsupportedOperationException("not built yet");
    }
}
