package com.mspimporter.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import com.mspimporter.cli.Main;

/**
 * The importer's {@link Main} running as a child JVM on the test classpath, so that a test can end it with
 * {@code SIGKILL} the way a crash or {@code kill -9} would. Its standard output and error go to one log file.
 */
final class ImporterProcess {

    /**
     * Options for a JVM that runs for a few seconds. The C1 compiler alone and the serial collector start faster,
     * and a small heap leaves memory for the runs beside it.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    private final Process process;
    private final Path log;

    private ImporterProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the importer with command-line arguments in a working directory.
     *
     * @param log the file that receives the child's standard output and error, replaced if it exists
     */
    static ImporterProcess start(Path workingDirectory, Path log, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(testClasspath());
        command.add(Main.class.getName());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ImporterProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the importer in " + workingDirectory, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the process to end and returns its exit code. A process still running after the timeout is
     * killed, and the wait fails with its log.
     */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError("The importer did not end within " + timeout + "; its log:\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new AssertionError("Interrupted while waiting for the importer", e);
        }
    }

    /** Sends {@code SIGKILL} with {@link Process#destroyForcibly()} and waits for the process to end. */
    void kill() {
        process.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                // the process must be gone before the caller goes on, whatever interrupts the wait
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns what the process wrote so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(the log " + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    /**
     * Returns the classpath of the running tests. Surefire 3.5 sets {@code java.class.path} to the test classpath
     * even when it starts the fork from a manifest-only jar. A classpath that is only one jar is read as such a
     * jar, and its {@code Class-Path} entries are used instead.
     */
    static String testClasspath() {
        String classpath = System.getProperty("java.class.path");
        String[] entries = classpath.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            List<String> fromManifest = manifestClasspath(Path.of(entries[0]));
            if (!fromManifest.isEmpty()) {
                return String.join(File.pathSeparator, fromManifest);
            }
        }
        return classpath;
    }

    private static List<String> manifestClasspath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            List<String> paths = new ArrayList<>();
            if (value != null) {
                for (String entry : value.trim().split("\\s+")) {
                    URI uri = jar.toUri().resolve(entry);
                    paths.add(Path.of(uri).toString());
                }
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the manifest of " + jar, e);
        }
    }
}
