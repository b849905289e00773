package com.mspimporter.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The parameters of one benchmark run, parsed from the command line of {@link BenchmarkRun}.
 *
 * @param rows rows in the generated input file
 * @param latency fixed delay of every stand-in response
 * @param concurrency {@code importer.concurrency}: rows in flight
 * @param rateLimit {@code importer.rate-limit-per-second}, or empty for no limit
 * @param heap maximum heap of the importer's JVM, as {@code -Xmx} takes it (for example {@code 256m})
 * @param allFourCalls whether every row is an AWS row with users (4 calls) instead of the default mix
 * @param stopAfterStaging whether the importer gets a key that the stand-in rejects, so that the run
 *        stops with exit code 1 at the first call, after staging, and then writes its report
 * @param keepFiles whether to keep the working folder (input, job database, logs) after a run that
 *        went as expected. The folder of a run that did not is always kept.
 * @param profile whether to record the importer with Java Flight Recorder and print where its CPU
 *        time went
 * @param threadDumpInterval time between two {@code jcmd Thread.print} dumps of the importer, or zero
 *        for none
 * @param heapHistogramInterval time between two {@code jcmd GC.class_histogram} of the importer, or
 *        zero for none
 * @param importerClasspath class path of the importer's JVM
 * @param jvmOptions further options of the importer's JVM, such as {@code -XX:TieredStopAtLevel=1}
 * @param importerOptions further {@code --importer.*}, {@code --spring.*} and {@code --logging.*} options
 *        passed to the importer as they are
 * @param warmUpRows rows whose four calls are sent to the stand-in before the importer starts, or zero to
 *        measure against a cold stand-in
 */
record BenchmarkSettings(long rows, Duration latency, int concurrency, OptionalDouble rateLimit, String heap,
        boolean allFourCalls, boolean stopAfterStaging, boolean keepFiles, boolean profile,
        Duration threadDumpInterval, Duration heapHistogramInterval, String importerClasspath,
        List<String> jvmOptions, List<String> importerOptions, long warmUpRows) {

    static final String USAGE = """
            Usage: BenchmarkRun ROWS LATENCY_MS CONCURRENCY [RATE_LIMIT] [HEAP] [OPTIONS]
              ROWS          rows of the generated input file, each a distinct customer
              LATENCY_MS    fixed delay of every stand-in response, in milliseconds (0 for none)
              CONCURRENCY   importer.concurrency: rows in flight
              RATE_LIMIT    importer.rate-limit-per-second: calls per second, or 'off' (default off)
              HEAP          maximum heap of the importer's JVM, as -Xmx takes it (default 256m)
            Options:
              --calls=4                every row is an AWS row with users, so every row makes 4 calls
              --stop-after-staging     give the importer a key that the stand-in rejects: the run stops
                                       at the first call, after staging, and writes its report
              --keep                   keep the working folder (input, job database, logs)
              --profile                record the importer with Java Flight Recorder and print
                                       where its CPU time went in each phase
              --thread-dumps=SECONDS   take a thread dump of the importer every SECONDS seconds
              --heap-histograms=SECONDS
                                       take a class histogram of the importer's heap every SECONDS
                                       seconds (a full collection each time)
              --warm-up-rows=N         walk N rows through the stand-in's four calls before the
                                       importer starts, without latency (default 2500, 0 for none)
              --importer-classpath=CP  class path of the importer's JVM (default: this JVM's)
              --jvm=OPTION             an option of the importer's JVM, such as --jvm=-XX:TieredStopAtLevel=1;
                                       may be given more than once
              --importer.NAME=VALUE    passed to the importer, as are --spring.* and --logging.*
            """;

    private static final String DEFAULT_HEAP = "256m";
    private static final long DEFAULT_WARM_UP_ROWS = 2_500;
    private static final Pattern HEAP = Pattern.compile("[0-9]+[kKmMgG]");
    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9_]*(\\.[0-9]+)?");

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException naming the argument that is missing or invalid
     */
    static BenchmarkSettings parse(String... args) {
        List<String> positional = new ArrayList<>();
        boolean allFourCalls = false;
        boolean stopAfterStaging = false;
        boolean keepFiles = false;
        boolean profile = false;
        Duration threadDumpInterval = Duration.ZERO;
        Duration heapHistogramInterval = Duration.ZERO;
        String importerClasspath = System.getProperty("java.class.path");
        List<String> jvmOptions = new ArrayList<>();
        List<String> importerOptions = new ArrayList<>();
        long warmUpRows = DEFAULT_WARM_UP_ROWS;
        for (String arg : args) {
            if (arg.equals("--calls=4")) {
                allFourCalls = true;
            }
            else if (arg.equals("--stop-after-staging")) {
                stopAfterStaging = true;
            }
            else if (arg.equals("--keep")) {
                keepFiles = true;
            }
            else if (arg.equals("--profile")) {
                profile = true;
            }
            else if (arg.startsWith("--heap-histograms=")) {
                heapHistogramInterval = Duration.ofSeconds(wholeNumber("--heap-histograms", value(arg), 1));
            }
            else if (arg.startsWith("--thread-dumps=")) {
                threadDumpInterval = Duration.ofSeconds(wholeNumber("--thread-dumps", value(arg), 1));
            }
            else if (arg.startsWith("--warm-up-rows=")) {
                warmUpRows = wholeNumber("--warm-up-rows", value(arg), 0);
            }
            else if (arg.startsWith("--importer-classpath=")) {
                importerClasspath = value(arg);
            }
            else if (arg.startsWith("--jvm=")) {
                jvmOptions.add(value(arg));
            }
            else if (arg.startsWith("--importer.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                importerOptions.add(arg);
            }
            else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
            else {
                positional.add(arg);
            }
        }
        if (positional.size() < 3 || positional.size() > 5) {
            throw new IllegalArgumentException("Expected 3 to 5 arguments before the options, not "
                    + positional.size());
        }

        long rows = wholeNumber("ROWS", positional.get(0), 1);
        Duration latency = Duration.ofMillis(wholeNumber("LATENCY_MS", positional.get(1), 0));
        int concurrency = Math.toIntExact(wholeNumber("CONCURRENCY", positional.get(2), 1));
        OptionalDouble rateLimit = OptionalDouble.empty();
        String heap = DEFAULT_HEAP;
        for (String optional : positional.subList(3, positional.size())) {
            if (HEAP.matcher(optional).matches()) {
                heap = optional;
            }
            else if (optional.equals("off") || optional.equals("-")) {
                rateLimit = OptionalDouble.empty();
            }
            else if (NUMBER.matcher(optional).matches()) {
                rateLimit = OptionalDouble.of(Double.parseDouble(optional.replace("_", "")));
            }
            else {
                throw new IllegalArgumentException("Invalid RATE_LIMIT or HEAP '" + optional
                        + "': expected calls per second (as 50 or 12.5), 'off', or a heap size such as 256m");
            }
        }
        return new BenchmarkSettings(rows, latency, concurrency, rateLimit, heap, allFourCalls, stopAfterStaging,
                keepFiles, profile, threadDumpInterval, heapHistogramInterval, importerClasspath,
                List.copyOf(jvmOptions), List.copyOf(importerOptions), warmUpRows);
    }

    /** Tells whether a diagnostic leaves files to read, so that the working folder must be kept. */
    boolean keepsDiagnostics() {
        return profile || !threadDumpInterval.isZero() || !heapHistogramInterval.isZero();
    }

    /** Returns a one-line description of the settings, for the report. */
    String describe() {
        return String.format("%d rows (%s), latency %d ms, concurrency %d, rate limit %s, -Xmx%s%s%s%s%s", rows,
                allFourCalls ? "all AWS, 4 calls each" : "mixed AWS, GCP and no integration",
                latency.toMillis(), concurrency,
                rateLimit.isPresent() ? rateLimit.getAsDouble() + " calls/s" : "off", heap,
                jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions),
                stopAfterStaging ? ", stopped after staging by a rejected key" : "",
                warmUpRows == 0 ? ", cold stand-in" : "",
                importerOptions.isEmpty() ? "" : ", " + String.join(" ", importerOptions));
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    static long wholeNumber(String name, String text, long minimum) {
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }
}
