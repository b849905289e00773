package com.mspimporter.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.mspimporter.cli.Main;
import com.mspimporter.standin.Endpoint;
import com.mspimporter.standin.StandInApi;

/**
 * Imports {@code samples/customers.csv} against a {@link StandInApi} on this machine and prints what
 * happened. Run it from the project root with {@code ./mvnw spring-boot:test-run}.
 *
 * <p>Each run starts from nothing: it deletes {@code target/demo/}, copies {@code samples/} to
 * {@code target/demo/input/} so that the results file lands beside the copy, and keeps its job
 * database in {@code target/demo/}. It exits with 0 when the importer wrote a results file, even
 * though some sample rows are meant to fail, and with 1 otherwise.
 */
public final class DemoRun {

    private static final Path SAMPLES = Path.of("samples");
    private static final Path DEMO_FOLDER = Path.of("target", "demo");
    private static final Path INPUT_FOLDER = DEMO_FOLDER.resolve("input");
    private static final String INPUT_FILE = "customers.csv";
    private static final String RESULTS_FILE = "customers.results.csv";

    /** Statuses in the order that the summary prints them. Other values follow, sorted. */
    private static final List<String> STATUS_ORDER =
            List.of("SUCCEEDED", "PARTIAL", "FAILED", "REJECTED", "IN_DOUBT", "PENDING", "VALID");

    private final PrintStream out;

    DemoRun(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        System.exit(new DemoRun(System.out).run());
    }

    /** Runs the demo and returns the process exit code, which is 0 when a results file was written and 1 otherwise. */
    int run() throws IOException {
        Path sampleInput = SAMPLES.resolve(INPUT_FILE);
        if (!Files.isRegularFile(sampleInput)) {
            out.println("The demo must run from the project root, but " + sampleInput.toAbsolutePath()
                    + " does not exist. Run ./mvnw spring-boot:test-run from the folder that contains pom.xml.");
            return 1;
        }

        prepareDemoFolder();
        Path input = INPUT_FOLDER.resolve(INPUT_FILE);
        int exitCode = importWithStandIn(input);

        Path results = INPUT_FOLDER.resolve(RESULTS_FILE);
        out.println();
        out.println("Importer exit code: " + exitCode + " (" + describeExitCode(exitCode) + ")");
        if (!Files.isRegularFile(results)) {
            out.println("The importer wrote no results file at " + results.toAbsolutePath() + ", so the demo failed.");
            return 1;
        }
        printStatusCounts(results);
        return 0;
    }

    private void prepareDemoFolder() throws IOException {
        deleteRecursively(DEMO_FOLDER);
        Files.createDirectories(INPUT_FOLDER);
        copyRecursively(SAMPLES, INPUT_FOLDER);
        out.println("Copied " + SAMPLES + "/ to " + INPUT_FOLDER.toAbsolutePath());
    }

    /** Runs the importer in this JVM and returns its exit code, or -1 when it ended with an exception. */
    private int importWithStandIn(Path input) throws IOException {
        StandInApi.Builder standIn = StandInApi.builder();
        existingCustomers(input).forEach(standIn::existingCustomer);

        try (StandInApi api = standIn.start()) {
            out.println("Stand-in API listening on " + api.baseUrl());
            long started = System.nanoTime();
            int exitCode = runImporter(input, api);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            out.println();
            out.printf("Import took %.1f s. Requests the stand-in received:%n", elapsed.toMillis() / 1000.0);
            for (Endpoint endpoint : Endpoint.values()) {
                out.printf("  %-18s %d%n", endpoint, api.requestCount(endpoint));
            }
            return exitCode;
        }
    }

    private int runImporter(Path input, StandInApi api) {
        Path database = DEMO_FOLDER.resolve("job-db").toAbsolutePath();
        String databaseUrl = "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE";
        try {
            return Main.run(
                    "--input=" + input,
                    "--importer.api.base-url=" + api.baseUrl(),
                    "--importer.api.key=" + api.apiKey(),
                    "--spring.datasource.url=" + databaseUrl,
                    // the default first wait of 500 ms only slows down the demo's one flaky row
                    "--importer.retry.initial-wait=200ms");
        } catch (RuntimeException e) {
            // report the crash but still look for a results file, because a crash may come after the report
            out.println("The importer ended with an exception: " + e);
            e.printStackTrace(out);
            return -1;
        }
    }

    /** Reads the rows that name an existing customer, so that the stand-in can register those customers. */
    private static Map<String, String> existingCustomers(Path input) throws IOException {
        CsvTable table = CsvTable.read(input);
        if (!table.hasColumn("customer_id")) {
            return Map.of();
        }
        List<String> ids = table.column("customer_id");
        List<String> names = table.column("customer_name");
        Map<String, String> namesById = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isBlank()) {
                namesById.put(ids.get(i).strip(), names.get(i).strip());
            }
        }
        return namesById;
    }

    private void printStatusCounts(Path results) throws IOException {
        Map<String, Long> counts = new TreeMap<>(Comparator.comparingInt(DemoRun::statusRank)
                .thenComparing(Comparator.naturalOrder()));
        for (String status : CsvTable.read(results).column("status")) {
            counts.merge(status, 1L, Long::sum);
        }

        out.println("Results: " + results.toAbsolutePath());
        counts.forEach((status, count) -> out.printf("  %-10s %d%n", status, count));
    }

    private static int statusRank(String status) {
        int index = STATUS_ORDER.indexOf(status);
        return index < 0 ? STATUS_ORDER.size() : index;
    }

    static String describeExitCode(int exitCode) {
        return switch (exitCode) {
            case 0 -> "every row succeeded";
            case 1 -> "the run stopped before the end; running it again continues it";
            case 2 -> "nothing was called because the command line, a setting, the job database or the input file"
                    + " is unusable";
            case 3 -> "the run completed, and some rows need a person: see the status and error columns";
            case -1 -> "the importer ended with an exception instead of an exit code";
            default -> "an exit code the importer does not document";
        };
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void copyRecursively(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }
}
