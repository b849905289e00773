package com.mspimporter.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mspimporter.bench.BenchmarkCsv.GeneratedCsv;

/**
 * Measures the importer's throughput and memory on a generated input file against a stand-in API
 * with a fixed latency, and prints the figures. It is a program, not a test: it asserts nothing.
 *
 * <p>One run writes the input into a new temporary folder, starts a {@link LeanStandIn} on 127.0.0.1, warms it
 * up, and runs the importer as a child JVM ({@code java -Xmx<heap> -cp <classpath>
 * com.mspimporter.cli.Main ...}) so that its resident memory and heap are its own. The stand-in runs
 * in this JVM, so on a small machine it shares the cores with the importer. See
 * {@link BenchmarkSettings#USAGE} for the arguments and {@code bench/README.md} for the presets.
 *
 * <p>Exit code: 0 when the importer ended as expected (exit 0 and every call made once, or exit 1
 * with {@code --stop-after-staging}), 1 otherwise, 2 for invalid arguments.
 */
public final class BenchmarkRun {

    private static final String MAIN_CLASS = "com.mspimporter.cli.Main";
    private static final String PROFILE_FILE = "importer.jfr";
    private static final String STAND_IN_KEY = "benchmark-stand-in-key";
    /** Threads of the stand-in: with a latency, each request in flight occupies one. */
    private static final int STAND_IN_THREADS = 64;
    /** A key that differs from the stand-in's, so that its first call gets {@code 401}. */
    private static final String REJECTED_KEY = "benchmark-key-that-the-stand-in-rejects";

    private final BenchmarkSettings settings;
    private final PrintStream out;

    BenchmarkRun(BenchmarkSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings;
        try {
            settings = BenchmarkSettings.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println("Error: " + ex.getMessage());
            System.err.print(BenchmarkSettings.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new BenchmarkRun(settings, System.out).run());
    }

    /** Runs the benchmark once and returns the exit code of this program. */
    int run() throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("msp-bench-");
        out.println("Benchmark: " + settings.describe());
        out.println("Working folder: " + workDir);

        String loadAtStart = Host.loadAverage();
        Instant generating = Instant.now();
        GeneratedCsv csv = BenchmarkCsv.write(workDir.resolve("input"), settings.rows(), settings.allFourCalls());
        out.printf(Locale.ROOT, "Generated %s: %d rows, %d calls if every call succeeds, in %.1f s%n", csv.file(),
                csv.rows(), csv.calls(), Duration.between(generating, Instant.now()).toMillis() / 1000.0);

        BenchmarkReport report;
        try (LeanStandIn api = new LeanStandIn(STAND_IN_KEY, STAND_IN_THREADS)) {
            warmUp(api);
            api.latency(settings.latency());
            api.startCounting();
            String key = settings.stopAfterStaging() ? REJECTED_KEY : api.apiKey();
            ImporterProcess importer = new ImporterProcess(command(csv, api, workDir),
                    Map.of("IMPORTER_API_KEY", key), workDir, out, settings);
            ImporterProcess.Result result = importer.run();
            report = new BenchmarkReport(settings, csv, result, api.first(), api.last(), api.requestCount(), GcLog.read(workDir.resolve("gc.log")), loadAtStart, Host.loadAverage());
        }

        report.print(out);
        if (settings.profile()) {
            printProfile(report, workDir.resolve(PROFILE_FILE));
        }
        if (!report.asExpected()) {
            out.println();
            out.println("The importer did not end as expected; its files are kept in " + workDir
                    + " and its log is " + report.result().logFile());
            return 1;
        }
        if (settings.keepFiles() || settings.keepsDiagnostics()) {
            out.println("Files kept in " + workDir);
        }
        else {
            deleteRecursively(workDir);
        }
        return 0;
    }

    /** Sends the warm-up calls without latency, which is set only afterwards. */
    private void warmUp(LeanStandIn api) throws InterruptedException {
        if (settings.warmUpRows() == 0) {
            out.println("Stand-in not warmed up: its JIT compiler runs during the measured run");
            return;
        }
        Instant start = Instant.now();
        long calls = new StandInWarmUp(api.baseUrl(), api.apiKey()).run(settings.warmUpRows());
        out.printf(Locale.ROOT, "Warmed up the stand-in with %d calls (%d rows) in %.1f s%n", calls,
                settings.warmUpRows(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private List<String> command(GeneratedCsv csv, LeanStandIn api, Path workDir) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + settings.heap(),
                GcLog.jvmOption(workDir.resolve("gc.log")),
                "-cp", absoluteClasspath(settings.importerClasspath()),
                MAIN_CLASS,
                "--input=" + csv.file(),
                "--importer.api.base-url=" + api.baseUrl(),
                "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("jobdb"),
                "--importer.concurrency=" + settings.concurrency()));
        if (settings.profile()) {
            command.add(1, JfrProfile.jvmOption(workDir.resolve(PROFILE_FILE)));
        }
        command.addAll(1, settings.jvmOptions());
        settings.rateLimit().ifPresent(limit -> command.add("--importer.rate-limit-per-second=" + limit));
        command.addAll(settings.importerOptions());
        return command;
    }

    /** Prints where the importer's CPU time went during staging, onboarding and the report. */
    private void printProfile(BenchmarkReport report, Path recording) throws IOException {
        ImporterLog.Phases phases = report.result().log().phases();
        if (phases.stagingStarted().isPresent() && phases.staged().isPresent()) {
            JfrProfile.read(recording, phases.stagingStarted().get(), phases.staged().get()).print(out, "staging");
        }
        if (report.firstRequest().isPresent() && report.lastRequest().isPresent()) {
            JfrProfile.read(recording, report.firstRequest().get(), report.lastRequest().get())
                    .print(out, "onboarding");
        }
        if (phases.lastProgress().isPresent() && phases.reported().isPresent()) {
            JfrProfile.read(recording, phases.lastProgress().get(), phases.reported().get()).print(out, "the report");
        }
        out.println("Recording: " + recording + " (open it with JDK Mission Control or `jfr print`)");
    }

    /**
     * Returns the load averages over 1, 5 and 15 minutes from {@code /proc/loadavg}, because other
     * processes on the same cores change every figure; "unknown" where the file is missing.
     */
    /** Makes every entry absolute, because the importer runs in the working folder. */
    private static String absoluteClasspath(String classpath) {
        return Stream.of(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
