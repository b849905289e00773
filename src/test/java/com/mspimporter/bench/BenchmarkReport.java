package com.mspimporter.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import com.mspimporter.bench.BenchmarkCsv.GeneratedCsv;

/**
 * The figures of one benchmark run, computed from the importer's log, the stand-in's request times,
 * the child's resident memory and its GC log, and printed as a table and a one-line summary.
 *
 * <p>Onboarding throughput counts from the first request's arrival to the last request's arrival plus
 * one latency, when the last response leaves. The bound is {@code min(C / (k × L), R / k)} rows per
 * second, with {@code k} the mean calls per row of the input.
 */
record BenchmarkReport(BenchmarkSettings settings, GeneratedCsv csv, ImporterProcess.Result result,
        Optional<Instant> firstRequest, Optional<Instant> lastRequest, long requests, GcLog gc, String loadAtStart,
        String loadAtEnd) {

    private static final double MIB = 1024.0 * 1024.0;
    /** Thread groups printed before the rest are folded into one line. */
    private static final int THREAD_GROUPS = 10;

    /** Returns the exit code that the importer should end with for these settings. */
    int expectedExitCode() {
        return settings.stopAfterStaging() ? 1 : 0;
    }

    /** Tells whether the importer ended as expected and, for a full run, made every call once. */
    boolean asExpected() {
        return result.exitCode() == expectedExitCode() && (settings.stopAfterStaging() || requests == csv.calls());
    }

    /** Returns the onboarding phase as the stand-in saw it, or empty when no request arrived. */
    Optional<Duration> onboarding() {
        if (firstRequest.isEmpty() || lastRequest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(firstRequest.get(), lastRequest.get()).plus(settings.latency()));
    }

    /** Returns the bound in rows per second, or empty when neither latency nor a rate limit bounds it. */
    OptionalDouble bound() {
        double callsPerRow = csv.callsPerRow();
        double bound = Double.POSITIVE_INFINITY;
        if (!settings.latency().isZero()) {
            bound = settings.concurrency() / (callsPerRow * settings.latency().toNanos() / 1e9);
        }
        if (settings.rateLimit().isPresent()) {
            bound = Math.min(bound, settings.rateLimit().getAsDouble() / callsPerRow);
        }
        return Double.isInfinite(bound) ? OptionalDouble.empty() : OptionalDouble.of(bound);
    }

    void print(PrintStream out) {
        ImporterLog.Phases phases = result.log().phases();
        Optional<Duration> startUp = between(Optional.of(result.launched()), phases.stagingStarted());
        Optional<Duration> staging = between(phases.stagingStarted(), phases.staged());
        Optional<Duration> report = between(phases.lastProgress(), phases.reported());

        out.println();
        out.println("== " + settings.describe() + ", " + Host.cores() + " cores");
        row(out, "load average", loadAtStart + " at start, " + loadAtEnd + " at end (1, 5, 15 min)");
        row(out, "importer exit code", result.exitCode() + " (expected " + expectedExitCode() + ")");
        row(out, "requests to the stand-in", requests + (settings.stopAfterStaging() ? ""
                : String.format(Locale.ROOT, " (expected %d, %.2f per row)", csv.calls(), csv.callsPerRow())));
        row(out, "start-up", seconds(startUp) + "   JVM and Spring start, SHA-256 of the input");
        row(out, "staging", seconds(staging) + "   " + perRow(staging));
        if (settings.stopAfterStaging()) {
            row(out, "onboarding", "stopped at the first call by the rejected key");
        }
        else {
            printOnboarding(out, phases);
        }
        row(out, "report", seconds(report) + "   " + perRow(report));
        row(out, "total wall time", seconds(Optional.of(result.wallTime())) + "   launch to exit of the importer");
        printCpu(out, phases);
        printMemory(out, phases);
        printThreadCpu(out);
        out.println();
        out.println("summary: " + summary(staging, report));
    }

    private void printOnboarding(PrintStream out, ImporterLog.Phases phases) {
        Optional<Duration> onboarding = onboarding();
        Optional<Duration> logged = between(phases.onboardingStarted(), phases.lastProgress());
        row(out, "onboarding", seconds(onboarding) + "   first to last request (importer log: "
                + seconds(logged) + " from 'Onboarding' to the last progress line)");
        if (onboarding.isEmpty()) {
            return;
        }
        double rowsPerSecond = csv.rows() / toSeconds(onboarding.get());
        row(out, "  throughput", String.format(Locale.ROOT, "%.1f rows/s", rowsPerSecond));
        OptionalDouble bound = bound();
        if (bound.isPresent()) {
            row(out, "  bound", String.format(Locale.ROOT, "%.1f rows/s = min(C / (k × L), R / k), k = %.2f calls"
                    + " per row", bound.getAsDouble(), csv.callsPerRow()));
            row(out, "  ratio", String.format(Locale.ROOT, "%.3f", rowsPerSecond / bound.getAsDouble()));
        }
        printSecondHalf(out, bound);
        double workerMillisPerRow = toSeconds(onboarding.get()) * 1000 * settings.concurrency() / csv.rows();
        double latencyMillisPerRow = csv.callsPerRow() * settings.latency().toNanos() / 1e6;
        if (settings.latency().isZero()) {
            row(out, "  per row", String.format(Locale.ROOT, "%.3f ms/row of wall time: calls, row table updates"
                    + " and the stand-in, on the same cores", 1000 * toSeconds(onboarding.get()) / csv.rows()));
        }
        else {
            row(out, "  worker time per row", String.format(Locale.ROOT, "%.1f ms, of which %.1f ms is latency:"
                    + " %.1f ms per row beyond it", workerMillisPerRow, latencyMillisPerRow,
                    workerMillisPerRow - latencyMillisPerRow));
        }
    }

    /**
     * Prints the rate of the second half of the rows, from the importer's progress lines, so that the JVM's
     * warm-up in the first seconds is separated from the rate it reaches afterwards.
     */
    private void printSecondHalf(PrintStream out, OptionalDouble bound) {
        List<ImporterLog.Progress> progress = result.log().progress();
        Optional<ImporterLog.Progress> half = progress.stream()
                .filter(line -> line.rowsDone() * 2 >= csv.rows())
                .findFirst();
        ImporterLog.Progress last = progress.isEmpty() ? null : progress.get(progress.size() - 1);
        if (half.isEmpty() || last == null || !last.time().isAfter(half.get().time())) {
            return;
        }
        double seconds = toSeconds(Duration.between(half.get().time(), last.time()));
        double rowsPerSecond = (last.rowsDone() - half.get().rowsDone()) / seconds;
        String ratio = bound.isPresent()
                ? String.format(Locale.ROOT, ", ratio %.3f", rowsPerSecond / bound.getAsDouble())
                : "";
        row(out, "  after half the rows", String.format(Locale.ROOT, "%.1f rows/s%s, from the progress lines at %d"
                + " and %d rows done", rowsPerSecond, ratio, half.get().rowsDone(), last.rowsDone()));
    }

    private void printCpu(PrintStream out, ImporterLog.Phases phases) {
        Optional<ProcessSampler.Sample> last = result.sampler().last();
        if (last.isEmpty()) {
            row(out, "CPU time", "not measured: the importer's CPU time could not be read");
            return;
        }
        Optional<ProcessSampler.Sample> launched = result.sampler().at(result.launched());
        row(out, "CPU time", String.format(Locale.ROOT, "importer %.1f s, this JVM (mostly the stand-in) %.1f s,"
                + " over the whole run", toSeconds(last.get().childCpu()),
                toSeconds(last.get().ownCpu().minus(launched.get().ownCpu()))));
        cpuBetween(phases.stagingStarted(), phases.staged()).ifPresent(cpu -> row(out, "  staging",
                String.format(Locale.ROOT, "importer %.3f ms/row", millisPerRow(cpu.childCpu()))));
        Optional<ProcessSampler.Sample> onboarding = settings.stopAfterStaging() ? Optional.empty()
                : cpuBetween(firstRequest, lastRequest);
        onboarding.ifPresent(cpu -> {
            double importer = millisPerRow(cpu.childCpu());
            double standIn = millisPerRow(cpu.ownCpu());
            row(out, "  onboarding", String.format(Locale.ROOT, "importer %.3f ms/row, this JVM %.3f ms/row: at most"
                    + " %.0f rows/s on %d cores", importer, standIn, cpuCeiling(importer + standIn), Host.cores()));
        });
        cpuBetween(phases.lastProgress(), phases.reported()).ifPresent(cpu -> row(out, "  report",
                String.format(Locale.ROOT, "importer %.3f ms/row", millisPerRow(cpu.childCpu()))));
    }

    /** Returns the CPU time used between two moments, as a sample whose time is the start. */
    private Optional<ProcessSampler.Sample> cpuBetween(Optional<Instant> from, Optional<Instant> to) {
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessSampler.Sample> start = result.sampler().at(from.get());
        Optional<ProcessSampler.Sample> end = result.sampler().at(to.get());
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessSampler.Sample(from.get(), end.get().childCpu().minus(start.get().childCpu()),
                end.get().ownCpu().minus(start.get().ownCpu())));
    }

    private double millisPerRow(Duration cpu) {
        return cpu.toNanos() / 1e6 / csv.rows();
    }

    private static double cpuCeiling(double cpuMillisPerRow) {
        return cpuMillisPerRow <= 0 ? Double.POSITIVE_INFINITY : Host.cores() * 1000 / cpuMillisPerRow;
    }

    private void printThreadCpu(PrintStream out) {
        out.println();
        out.println("importer CPU by thread (whole run, sampled once a second)");
        List<ThreadCpuSampler.ThreadGroupCpu> groups = result.threads().groups();
        if (groups.isEmpty()) {
            row(out, "  not measured", "/proc/<pid>/task could not be read");
            return;
        }
        Duration total = groups.stream().map(ThreadCpuSampler.ThreadGroupCpu::cpu).reduce(Duration.ZERO,
                Duration::plus);
        for (ThreadCpuSampler.ThreadGroupCpu group : ThreadCpuSampler.top(groups, THREAD_GROUPS)) {
            double share = total.isZero() ? 0 : 100.0 * group.cpu().toNanos() / total.toNanos();
            row(out, "  " + group.name(), String.format(Locale.ROOT, "%7.2f s %5.1f%% %8.3f ms/row   %d thread%s",
                    toSeconds(group.cpu()), share, millisPerRow(group.cpu()), group.threads(),
                    group.threads() == 1 ? "" : "s"));
        }
        String processTotal = result.sampler().last()
                .map(sample -> String.format(Locale.ROOT, " of the importer's %.2f s", toSeconds(sample.childCpu())))
                .orElse("");
        row(out, "  sampled total", String.format(Locale.ROOT, "%7.2f s%s", toSeconds(total), processTotal));
        out.println("  Names are the kernel's, cut to 15 characters, with digits replaced by N. A thread's CPU after"
                + " its last sample is missed, so the figures are lower bounds.");
    }

    private void printMemory(PrintStream out, ImporterLog.Phases phases) {
        OptionalLong resident = result.sampler().peakResidentBytes();
        row(out, "peak resident memory", resident.isPresent() ? mib(resident.getAsLong()) + " (VmHWM)"
                : "not measured: /proc/<pid>/status is missing");
        OptionalLong before = gc.peakUsedBefore();
        if (before.isEmpty()) {
            row(out, "peak heap used", "not measured: the GC log has no collection");
            return;
        }
        row(out, "peak heap used", mib(before.getAsLong()) + " before a collection, "
                + mib(gc.peakUsedAfter().orElse(0)) + " live after one; " + gc.collections().size()
                + " collections, " + gc.fullCollections() + " full (" + gc.collector() + ")");
        row(out, "live heap by quarter", "staging " + quarters(phases.stagingStarted(), phases.staged())
                + "; onboarding " + quarters(phases.onboardingStarted(), phases.lastProgress())
                + "; report " + quarters(phases.lastProgress(), phases.reported()));
    }

    /** Returns the peak live heap in each quarter of a phase, "-" for a quarter without a collection. */
    private String quarters(Optional<Instant> from, Optional<Instant> to) {
        if (from.isEmpty() || to.isEmpty()) {
            return "-";
        }
        Duration quarter = Duration.between(from.get(), to.get()).dividedBy(4);
        List<String> peaks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant start = from.get().plus(quarter.multipliedBy(i));
            Instant end = i == 3 ? to.get().plusMillis(1) : start.plus(quarter);
            OptionalLong peak = gc.peakUsedAfter(start, end);
            peaks.add(peak.isPresent() ? String.format(Locale.ROOT, "%.0f", peak.getAsLong() / MIB) : "-");
        }
        return String.join(" / ", peaks) + " MiB";
    }

    private String summary(Optional<Duration> staging, Optional<Duration> report) {
        StringBuilder line = new StringBuilder();
        line.append("rows=").append(csv.rows());
        line.append(" calls_per_row=").append(format(csv.callsPerRow()));
        line.append(" latency_ms=").append(settings.latency().toMillis());
        line.append(" concurrency=").append(settings.concurrency());
        line.append(" exit=").append(result.exitCode());
        Optional<Duration> onboarding = settings.stopAfterStaging() ? Optional.empty() : onboarding();
        onboarding.ifPresent(duration -> {
            double rowsPerSecond = csv.rows() / toSeconds(duration);
            line.append(" rows_per_s=").append(format(rowsPerSecond));
            bound().ifPresent(bound -> line.append(" bound=").append(format(bound))
                    .append(" ratio=").append(String.format(Locale.ROOT, "%.3f", rowsPerSecond / bound)));
            line.append(" onboarding_ms_per_row=").append(format(1000 * toSeconds(duration) / csv.rows()));
        });
        staging.ifPresent(duration -> line.append(" staging_s=").append(format(toSeconds(duration))));
        report.ifPresent(duration -> line.append(" report_s=").append(format(toSeconds(duration))));
        line.append(" load_at_end=").append(loadAtEnd.split(" ")[0]);
        line.append(" wall_s=").append(format(toSeconds(result.wallTime())));
        result.sampler().peakResidentBytes().ifPresent(bytes -> line.append(" peak_rss_mib=").append(format(bytes / MIB)));
        gc.peakUsedBefore().ifPresent(bytes -> line.append(" peak_heap_mib=").append(format(bytes / MIB)));
        gc.peakUsedAfter().ifPresent(bytes -> line.append(" peak_live_heap_mib=").append(format(bytes / MIB)));
        return line.toString();
    }

    private String perRow(Optional<Duration> phase) {
        return phase.map(duration -> String.format(Locale.ROOT, "%.3f ms/row", 1000 * toSeconds(duration)
                / csv.rows())).orElse("");
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("%-26s %s%n", label, value);
    }

    private static Optional<Duration> between(Optional<Instant> from, Optional<Instant> to) {
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(from.get(), to.get()));
    }

    private static String seconds(Optional<Duration> duration) {
        return duration.map(value -> String.format(Locale.ROOT, "%.2f s", toSeconds(value)))
                .orElse("not in the log");
    }

    private static double toSeconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.1f" : "%.3f", value);
    }
}
