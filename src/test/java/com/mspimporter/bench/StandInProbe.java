package com.mspimporter.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.sun.management.OperatingSystemMXBean;

/**
 * Measures how close a plain HTTP client gets to the latency bound against the stand-in API, without
 * the importer. It is a program, not a test: it asserts nothing about time.
 *
 * <p>It starts the benchmark's {@link LeanStandIn} on 127.0.0.1 with a fixed latency. Then
 * CONCURRENCY threads each send their share of CALLS create-customer requests one after another, with
 * a JDK {@link HttpClient} configured as the importer configures its own (HTTP/1.1, no redirects, the
 * importer's default timeouts). With C threads and a latency L, no client can exceed C / L calls per
 * second, so the ratio to that bound shows what the client and the stand-in cost on top of the
 * latency. The figures are printed for all calls, then for the first and the second half of the calls
 * in the order they completed, so that the warm-up of client and stand-in shows.
 *
 * <p>Exit code: 0 when every call succeeded, 1 when any failed, 2 for invalid arguments.
 */
public final class StandInProbe {

    static final String USAGE = """
            Usage: StandInProbe [CALLS LATENCY_MS CONCURRENCY]
              CALLS         create-customer requests in total (default 40000)
              LATENCY_MS    fixed delay of every stand-in response, in milliseconds (default 20, 0 for none)
              CONCURRENCY   threads, each sending its share of the calls one after another (default 16)
            """;

    private static final String PATH = "/msp/customers";
    private static final String STAND_IN_KEY = "probe-stand-in-key";
    private static final int STAND_IN_THREADS = 64;
    /** The stand-in responds to a created customer with 200, not 201. */
    private static final int SUCCESS_STATUS = 200;
    // the importer's defaults for importer.api.connect-timeout and importer.api.read-timeout
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Settings settings;
    private final PrintStream out;
    private final OperatingSystemMXBean jvm =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    StandInProbe(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println("Error: " + ex.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        System.exit(new StandInProbe(settings, System.out).run());
    }

    /** Runs the probe once, prints the figures and returns the exit code of this program. */
    int run() throws IOException, InterruptedException {
        out.println("Stand-in probe: " + settings.describe());
        String loadAtStart = Host.loadAverage();
        CallLog log;
        try (LeanStandIn api = new LeanStandIn(STAND_IN_KEY, STAND_IN_THREADS)) {
            api.latency(settings.latency());
            log = sendAll(api);
        }
        String loadAtEnd = Host.loadAverage();
        if (log.completed.get() != settings.calls()) {
            out.println("Only " + log.completed.get() + " of " + settings.calls() + " calls completed because a"
                    + " client thread ended early. Its stack trace is above.");
            return 1;
        }

        Figures all = log.figures(0, settings.calls(), log.startNanos, log.endNanos, log.startCpuNanos,
                log.endCpuNanos);
        out.println();
        out.println("== " + settings.describe() + ", " + Host.cores() + " cores");
        row("load average", loadAtStart + " at start, " + loadAtEnd + " at end (1, 5, 15 min)");
        printFigures("all calls", "from the start", all);
        log.failureReasons().forEach((reason, count) -> row("  failed with", reason + ": " + count));
        int half = settings.calls() / 2;
        Figures firstHalf = null;
        Figures secondHalf = null;
        if (half > 0) {
            firstHalf = log.figures(0, half, log.startNanos, log.halfwayNanos, log.startCpuNanos,
                    log.halfwayCpuNanos);
            secondHalf = log.figures(half, settings.calls(), log.halfwayNanos, log.endNanos,
                    log.halfwayCpuNanos, log.endCpuNanos);
            printFigures("first half", "from the start", firstHalf);
            printFigures("second half", "after the first half", secondHalf);
        }
        out.println();
        out.println("summary: " + summary(all, firstHalf, secondHalf, loadAtEnd));
        return all.failures() == 0 ? 0 : 1;
    }

    /** Sends every call from CONCURRENCY threads that start together, and returns what they recorded. */
    private CallLog sendAll(LeanStandIn api) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        URI uri = URI.create(api.baseUrl() + PATH);
        CallLog log = new CallLog(settings.calls());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        int nextName = 0;
        for (int i = 0; i < settings.concurrency(); i++) {
            int share = settings.calls() / settings.concurrency()
                    + (i < settings.calls() % settings.concurrency() ? 1 : 0);
            int firstName = nextName;
            nextName += share;
            Thread thread = new Thread(() -> sendShare(client, uri, api.apiKey(), firstName, share, start, log),
                    "probe-client-" + i);
            thread.start();
            threads.add(thread);
        }

        log.startNanos = System.nanoTime();
        log.startCpuNanos = jvm.getProcessCpuTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        log.endNanos = System.nanoTime();
        log.endCpuNanos = jvm.getProcessCpuTime();
        return log;
    }

    private void sendShare(HttpClient client, URI uri, String apiKey, int firstName, int share,
            CountDownLatch start, CallLog log) {
        try {
            start.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int n = firstName; n < firstName + share; n++) {
            // every name is distinct, and none contains the words that make the stand-in fail a call
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .header("X-API-Key", apiKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Probe customer " + n + "\"}"))
                    .build();
            long sentNanos = System.nanoTime();
            String failure = null;
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                if (status != SUCCESS_STATUS) {
                    failure = "status " + status;
                }
            }
            catch (IOException ex) {
                failure = ex.getClass().getSimpleName();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            log.record(System.nanoTime() - sentNanos, failure);
        }
    }

    private void printFigures(String label, String period, Figures figures) {
        row(label, String.format(Locale.ROOT, "%d calls, completed in %.2f s %s", figures.calls(),
                figures.wallNanos() / 1e9, period));
        row("  throughput", String.format(Locale.ROOT, "%.1f calls/s", figures.callsPerSecond()));
        OptionalDouble bound = settings.bound();
        if (bound.isPresent()) {
            row("  bound", String.format(Locale.ROOT, "%.1f calls/s = CONCURRENCY / LATENCY", bound.getAsDouble()));
            row("  ratio", String.format(Locale.ROOT, "%.3f", figures.callsPerSecond() / bound.getAsDouble()));
        }
        else {
            row("  bound", "none without latency");
        }
        row("  latency", String.format(Locale.ROOT, "mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                figures.meanMillis(), figures.p50Millis(), figures.p99Millis(), figures.maxMillis()));
        row("  failures", Long.toString(figures.failures()));
        double cpuPerCall = figures.cpuMillisPerCall();
        row("  CPU time", String.format(Locale.ROOT, "%.3f ms/call of this JVM (client, stand-in, JIT and GC):"
                + " at most %.0f calls/s on %d cores", cpuPerCall, Host.cores() * 1000 / cpuPerCall,
                Host.cores()));
    }

    private String summary(Figures all, Figures firstHalf, Figures secondHalf, String loadAtEnd) {
        StringBuilder line = new StringBuilder();
        line.append("calls=").append(all.calls());
        line.append(" latency_ms=").append(settings.latency().toMillis());
        line.append(" concurrency=").append(settings.concurrency());
        line.append(" calls_per_s=").append(format(all.callsPerSecond()));
        settings.bound().ifPresent(bound -> line.append(" bound=").append(format(bound))
                .append(" ratio=").append(ratio(all, bound)));
        line.append(" p50_ms=").append(format(all.p50Millis()));
        line.append(" p99_ms=").append(format(all.p99Millis()));
        line.append(" max_ms=").append(format(all.maxMillis()));
        line.append(" failures=").append(all.failures());
        line.append(" cpu_ms_per_call=").append(format(all.cpuMillisPerCall()));
        if (firstHalf != null && settings.bound().isPresent()) {
            double bound = settings.bound().getAsDouble();
            line.append(" first_half_ratio=").append(ratio(firstHalf, bound));
            line.append(" second_half_ratio=").append(ratio(secondHalf, bound));
        }
        line.append(" load_at_end=").append(loadAtEnd.split(" ")[0]);
        line.append(" wall_s=").append(format(all.wallNanos() / 1e9));
        return line.toString();
    }

    private void row(String label, String value) {
        out.printf("%-26s %s%n", label, value);
    }

    private static String ratio(Figures figures, double bound) {
        return String.format(Locale.ROOT, "%.3f", figures.callsPerSecond() / bound);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.1f" : "%.3f", value);
    }

    /**
     * Returns the load averages over 1, 5 and 15 minutes from {@code /proc/loadavg}, because other
     * processes on the same cores change every figure. Returns "unknown" where the file is missing.
     */
    /**
     * The arguments of one probe.
     *
     * @param calls create-customer requests in total
     * @param latency fixed delay of every stand-in response
     * @param concurrency client threads, each with one request in flight
     */
    record Settings(int calls, Duration latency, int concurrency) {

        private static final int DEFAULT_CALLS = 40_000;
        private static final int DEFAULT_LATENCY_MILLIS = 20;
        private static final int DEFAULT_CONCURRENCY = 16;

        /**
         * Parses CALLS LATENCY_MS CONCURRENCY, each optional from the right.
         *
         * @throws IllegalArgumentException naming the invalid argument, or when there are more than three
         */
        static Settings parse(String... args) {
            if (args.length > 3) {
                throw new IllegalArgumentException("Expected at most 3 arguments, got " + args.length + ": "
                        + String.join(" ", args));
            }
            int calls = argument(args, 0, "CALLS", 1, DEFAULT_CALLS);
            int latencyMillis = argument(args, 1, "LATENCY_MS", 0, DEFAULT_LATENCY_MILLIS);
            int concurrency = argument(args, 2, "CONCURRENCY", 1, DEFAULT_CONCURRENCY);
            return new Settings(calls, Duration.ofMillis(latencyMillis), concurrency);
        }

        private static int argument(String[] args, int index, String name, long minimum, int fallback) {
            if (args.length <= index) {
                return fallback;
            }
            return Math.toIntExact(BenchmarkSettings.wholeNumber(name, args[index], minimum));
        }

        /** Returns the bound {@code CONCURRENCY / LATENCY} in calls per second, or empty without latency. */
        OptionalDouble bound() {
            if (latency.isZero()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(concurrency / (latency.toNanos() / 1e9));
        }

        String describe() {
            return String.format(Locale.ROOT, "%d calls to POST %s, latency %d ms, concurrency %d", calls, PATH,
                    latency.toMillis(), concurrency);
        }
    }

    /**
     * Latency and outcome of every call, stored by the order in which the calls completed, and the clock
     * and CPU readings at the start, when half of the calls had completed, and at the end. Each slot is
     * written by one thread and read only after every thread has been joined.
     */
    private final class CallLog {

        private final long[] latencyNanos;
        private final boolean[] failed;
        private final int halfway;
        private final AtomicInteger completed = new AtomicInteger();
        private final Map<String, LongAdder> failureReasons = new ConcurrentHashMap<>();
        private long startNanos;
        private long startCpuNanos;
        private volatile long halfwayNanos;
        private volatile long halfwayCpuNanos;
        private long endNanos;
        private long endCpuNanos;

        CallLog(int calls) {
            this.latencyNanos = new long[calls];
            this.failed = new boolean[calls];
            this.halfway = calls / 2;
        }

        /** Records one completed call. {@code failure} is null for a success, otherwise the reason. */
        void record(long nanos, String failure) {
            int index = completed.getAndIncrement();
            latencyNanos[index] = nanos;
            if (failure != null) {
                failed[index] = true;
                failureReasons.computeIfAbsent(failure, reason -> new LongAdder()).increment();
            }
            if (index + 1 == halfway) {
                halfwayNanos = System.nanoTime();
                halfwayCpuNanos = jvm.getProcessCpuTime();
            }
        }

        /** Returns the figures of the calls that completed in positions {@code from} (inclusive) to {@code to}. */
        Figures figures(int from, int to, long fromNanos, long toNanos, long fromCpuNanos, long toCpuNanos) {
            long[] sorted = Arrays.copyOfRange(latencyNanos, from, to);
            Arrays.sort(sorted);
            long failures = 0;
            for (int i = from; i < to; i++) {
                if (failed[i]) {
                    failures++;
                }
            }
            return new Figures(sorted, failures, toNanos - fromNanos, toCpuNanos - fromCpuNanos);
        }

        Map<String, Long> failureReasons() {
            Map<String, Long> counts = new TreeMap<>();
            failureReasons.forEach((reason, count) -> counts.put(reason, count.sum()));
            return counts;
        }
    }

    /**
     * The figures of a set of calls.
     *
     * @param sortedLatencyNanos latency of each call, from send to the end of the response body, ascending
     * @param failures calls that got a status other than 200, or no response
     * @param wallNanos wall time in which these calls completed
     * @param cpuNanos CPU time of this JVM, client and stand-in, in that wall time
     */
    private record Figures(long[] sortedLatencyNanos, long failures, long wallNanos, long cpuNanos) {

        int calls() {
            return sortedLatencyNanos.length;
        }

        double callsPerSecond() {
            return calls() / (wallNanos / 1e9);
        }

        double meanMillis() {
            return Arrays.stream(sortedLatencyNanos).average().orElse(0) / 1e6;
        }

        double p50Millis() {
            return percentileMillis(50);
        }

        double p99Millis() {
            return percentileMillis(99);
        }

        double maxMillis() {
            return calls() == 0 ? 0 : sortedLatencyNanos[calls() - 1] / 1e6;
        }

        double cpuMillisPerCall() {
            return cpuNanos / 1e6 / calls();
        }

        /**
         * Returns the nearest-rank percentile: the smallest latency that at least {@code percent}% of the calls
         * did not exceed.
         */
        private double percentileMillis(int percent) {
            if (calls() == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(percent / 100.0 * calls());
            return sortedLatencyNanos[Math.max(rank, 1) - 1] / 1e6;
        }
    }
}
