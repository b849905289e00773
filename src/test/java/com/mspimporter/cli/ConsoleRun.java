package com.mspimporter.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of {@link Main#run(String...)} in this JVM with its console output, which Spring Boot's logging writes
 * to {@code System.out}.
 *
 * @param exitCode the exit code that the run returned
 * @param output everything the run wrote to {@code System.out}
 */
record ConsoleRun(int exitCode, String output) {

    /** Runs the importer with the arguments while capturing {@code System.out}. */
    static ConsoleRun of(String... args) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int exitCode;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            exitCode = Main.run(args);
        }
        finally {
            System.setOut(originalOut);
        }
        return new ConsoleRun(exitCode, console.toString(StandardCharsets.UTF_8));
    }
}
