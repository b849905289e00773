package com.mspimporter.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the importer as a child JVM, so that its memory is measured apart from the benchmark and
 * the stand-in API. While it runs, this class copies its output to a log file and to the console,
 * polls its peak resident memory, its CPU time and the CPU time of each of its threads, and can
 * take thread dumps and heap histograms with {@code jcmd}.
 */
final class ImporterProcess {

    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);
    /**
     * Longer than {@link #SAMPLE_INTERVAL}, because each sample reads one file per thread and the
     * importer has more than 100 threads.
     */
    private static final Duration THREAD_SAMPLE_INTERVAL = Duration.ofSeconds(1);
    /** Header lines plus the 25 classes that take the most heap. */
    private static final int HISTOGRAM_LINES = 28;

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final PrintStream console;
    private final BenchmarkSettings diagnosticsSettings;

    /**
     * @param diagnosticsSettings the settings that set how often to take thread dumps and heap histograms
     */
    ImporterProcess(List<String> command, Map<String, String> environment, Path workDir, PrintStream console,
            BenchmarkSettings diagnosticsSettings) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = workDir.resolve("importer.log");
        this.console = console;
        this.diagnosticsSettings = diagnosticsSettings;
    }

    /**
     * The end of a child run: exit code, launch and exit times, its log, and the samples of its
     * memory, its CPU time and its threads' CPU time.
     */
    record Result(int exitCode, Instant launched, Instant exited, ImporterLog log, ProcessSampler sampler,
            ThreadCpuSampler threads, Path logFile) {

        Duration wallTime() {
            return Duration.between(launched, exited);
        }
    }

    Result run() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        ImporterLog log = new ImporterLog(ZoneId.systemDefault());

        Instant launched = Instant.now();
        Process process = builder.start();
        ProcessSampler sampler = new ProcessSampler(process);
        Thread poller = startDaemon("process-sampler", () -> poll(process, sampler));
        ThreadCpuSampler threads = ThreadCpuSampler.of(process);
        Thread threadPoller = startDaemon("thread-cpu-sampler", () -> pollThreads(process, threads));
        List<Thread> diagnostics = new ArrayList<>();
        if (!diagnosticsSettings.threadDumpInterval().isZero()) {
            diagnostics.add(startDaemon("thread-dumper", () -> runJcmdEvery(process,
                    diagnosticsSettings.threadDumpInterval(), "Thread.print", "thread-dumps.txt", Integer.MAX_VALUE)));
        }
        if (!diagnosticsSettings.heapHistogramInterval().isZero()) {
            diagnostics.add(startDaemon("heap-histogram", () -> runJcmdEvery(process,
                    diagnosticsSettings.heapHistogramInterval(), "GC.class_histogram", "heap-histograms.txt",
                    HISTOGRAM_LINES)));
        }

        copyOutput(process, log);
        int exitCode = process.waitFor();
        Instant exited = Instant.now();
        poller.join();
        // the child is gone, so the thread poller need not finish its sleep
        threadPoller.interrupt();
        threadPoller.join();
        for (Thread diagnostic : diagnostics) {
            // wakes a diagnostic that sleeps until its next dump, since the child is gone
            diagnostic.interrupt();
            diagnostic.join();
        }
        return new Result(exitCode, launched, exited, log, sampler, threads, logFile);
    }

    private void copyOutput(Process process, ImporterLog log) throws IOException {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.accept(line, Instant.now());
                out.write(line);
                out.write('\n');
                console.println("  | " + line);
            }
        }
    }

    private static void poll(Process process, ProcessSampler sampler) {
        while (process.isAlive()) {
            sampler.sample();
            try {
                Thread.sleep(SAMPLE_INTERVAL.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pollThreads(Process process, ThreadCpuSampler threads) {
        do {
            threads.sample();
        }
        while (sleep(THREAD_SAMPLE_INTERVAL) && process.isAlive());
    }

    /**
     * Runs {@code jcmd <pid> COMMAND} every {@code interval} while the child lives, appending the first
     * {@code maxLines} lines and the last line of each output to a file of the working folder.
     */
    private void runJcmdEvery(Process process, Duration interval, String command, String fileName, int maxLines) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path file = workDir.resolve(fileName);
        while (sleep(interval) && process.isAlive()) {
            try {
                Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                        .redirectErrorStream(true)
                        .start();
                List<String> lines;
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(dump.getInputStream(), StandardCharsets.UTF_8))) {
                    lines = in.lines().toList();
                }
                dump.waitFor();
                StringBuilder text = new StringBuilder("==== " + command + " at " + Instant.now() + "\n");
                lines.stream().limit(maxLines).forEach(line -> text.append(line).append('\n'));
                if (lines.size() > maxLines) {
                    // a class histogram ends with the totals
                    text.append("...\n").append(lines.get(lines.size() - 1)).append('\n');
                }
                Files.writeString(file, text.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            catch (IOException ex) {
                console.println("Could not run " + jcmd + " " + command + ": " + ex.getMessage());
                return;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread startDaemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
