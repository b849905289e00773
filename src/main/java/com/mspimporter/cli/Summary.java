package com.mspimporter.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mspimporter.job.ImportOutcome;
import com.mspimporter.onboarding.RowStatus;

/** Logs the end of a file's import: counts per status, duration, where the results are and what the exit means. */
final class Summary {

    private static final Logger log = LoggerFactory.getLogger(Summary.class);

    private Summary() {
    }

    static void print(Path input, ImportOutcome outcome, Duration duration) {
        print(input, outcome, duration, Summary::meaning);
    }

    /** Prints the summary of a dry run, whose exit code shows whether every row is valid. */
    static void printDryRun(Path input, ImportOutcome outcome) {
        print(input, outcome, Duration.ZERO, Summary::dryRunMeaning);
    }

    private static void print(Path input, ImportOutcome outcome, Duration duration, IntFunction<String> meaning) {
        if (outcome.message() != null) {
            if (outcome.exitCode() == ImportOutcome.SUCCESS || outcome.exitCode() == ImportOutcome.NEEDS_ATTENTION) {
                log.info(outcome.message());
            }
            else {
                log.error(outcome.message());
            }
        }
        Map<RowStatus, Long> counts = outcome.counts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        String perStatus = counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
        log.info("Finished {} in {}: {} {}{}", input.getFileName(), format(duration), total, total == 1 ? "row" : "rows",
                perStatus.isEmpty() ? "" : " (" + perStatus + ")");
        if (outcome.output() != null) {
            log.info("Results: {}", outcome.output().toAbsolutePath());
        }
        log.info("Exit code {}: {}", outcome.exitCode(), meaning.apply(outcome.exitCode()));
    }

    static String meaning(int exitCode) {
        return switch (exitCode) {
            case ImportOutcome.SUCCESS -> "every row succeeded";
            case ImportOutcome.NEEDS_ATTENTION -> "the run completed, and some rows need a person";
            case ImportOutcome.STOPPED -> "the run stopped; running the same file again continues it";
            default -> "nothing was called because the input or a setting is unusable";
        };
    }

    private static String dryRunMeaning(int exitCode) {
        return switch (exitCode) {
            case ImportOutcome.SUCCESS -> "every row is valid";
            case ImportOutcome.NEEDS_ATTENTION -> "some rows are invalid and would not be imported";
            default -> meaning(exitCode);
        };
    }

    private static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis < 10_000 ? String.format("%.1fs", millis / 1000.0) : duration.toSeconds() + "s";
    }
}
