package com.mspimporter.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mspimporter.onboarding.RowStatus;

/**
 * The content of the HTML summary of one results file, gathered by a {@link SummaryCollector}.
 *
 * @param inputFileName the name of the imported CSV file
 * @param writtenAt when the results were written
 * @param firstFinishedAt the earliest {@code finished_at} of the rows, or {@code null} when no row finished
 * @param lastFinishedAt the latest {@code finished_at} of the rows, or {@code null} when no row finished
 * @param statusCounts rows per status; a status without rows is absent
 * @param steps the rows' outcome at each step, in the order the calls are made
 * @param inDoubtRows the first {@code IN_DOUBT} rows, in input order
 * @param unlistedInDoubtRows {@code IN_DOUBT} rows counted but not in {@code inDoubtRows}
 * @param failures reasons of {@code FAILED} and {@code PARTIAL} rows, most frequent first
 * @param rejections column problems of {@code REJECTED} rows, most frequent first
 * @param pending reasons that {@code PENDING} rows stopped for, most frequent first
 */
public record RunSummary(
        String inputFileName,
        Instant writtenAt,
        Instant firstFinishedAt,
        Instant lastFinishedAt,
        Map<RowStatus, Long> statusCounts,
        List<StepCounts> steps,
        List<InDoubtRow> inDoubtRows,
        long unlistedInDoubtRows,
        List<ReasonGroup> failures,
        List<ReasonGroup> rejections,
        List<ReasonGroup> pending) {

    public RunSummary {
        statusCounts = Map.copyOf(statusCounts);
        steps = List.copyOf(steps);
        inDoubtRows = List.copyOf(inDoubtRows);
        failures = List.copyOf(failures);
        rejections = List.copyOf(rejections);
        pending = List.copyOf(pending);
    }

    /** Returns the number of rows with this status. */
    public long count(RowStatus status) {
        return statusCounts.getOrDefault(status, 0L);
    }

    /** Returns the number of rows in the file. */
    public long totalRows() {
        return statusCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Returns the number of rows that a person has to look at. */
    public long rowsNeedingAttention() {
        return statusCounts.entrySet().stream()
                .filter(entry -> entry.getKey().needsAttention())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
