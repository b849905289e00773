package com.mspimporter.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.mspimporter.onboarding.RowStatus;

/**
 * Gathers what the HTML summary shows from the lines of the results file, one line at a time, in memory that does
 * not grow with the number of rows: counts, per-step tallies, and per reason the first
 * {@value #MAX_ROWS_PER_REASON} rows. Not thread-safe: feed it from the thread that writes the results file.
 */
public final class SummaryCollector implements Consumer<ResultLine> {

    /** Rows listed per reason; the others are only counted. */
    public static final int MAX_ROWS_PER_REASON = 50;
    /** Distinct reasons kept per section; further reasons are counted together. */
    public static final int MAX_REASONS = 100;
    /** {@code IN_DOUBT} rows called out one by one; the others are only counted. */
    public static final int MAX_IN_DOUBT_ROWS = 500;

    private final Map<RowStatus, Long> statusCounts = new EnumMap<>(RowStatus.class);
    private final StepTally steps = new StepTally();
    private final ReasonTally failures = new ReasonTally(MAX_REASONS, MAX_ROWS_PER_REASON);
    private final ReasonTally rejections = new ReasonTally(MAX_REASONS, MAX_ROWS_PER_REASON);
    private final ReasonTally pending = new ReasonTally(MAX_REASONS, MAX_ROWS_PER_REASON);
    private final List<InDoubtRow> inDoubtRows = new ArrayList<>();
    private long unlistedInDoubtRows;
    private Instant firstFinishedAt;
    private Instant lastFinishedAt;

    @Override
    public void accept(ResultLine line) {
        RowStatus status = RowStatus.valueOf(line.status());
        statusCounts.merge(status, 1L, Long::sum);
        trackFinishedAt(line.finishedAt());
        steps.record(line, status);

        RowReference row = new RowReference(line.row(), line.customerName());
        switch (status) {
            case FAILED, PARTIAL -> addFailures(line, row);
            case REJECTED -> addRejections(line, row);
            case IN_DOUBT -> addInDoubt(line, row);
            case PENDING -> addPending(line, row);
            case SUCCEEDED, VALID -> {
                // nothing to explain
            }
        }
    }

    /** Returns the summary of the lines so far. */
    public RunSummary summary(String inputFileName, Instant writtenAt) {
        return new RunSummary(inputFileName, writtenAt, firstFinishedAt, lastFinishedAt, statusCounts, steps.steps(),
                inDoubtRows, unlistedInDoubtRows, failures.groups(), rejections.groups(), pending.groups());
    }

    private void trackFinishedAt(Instant finishedAt) {
        if (finishedAt == null) {
            return;
        }
        if (firstFinishedAt == null || finishedAt.isBefore(firstFinishedAt)) {
            firstFinishedAt = finishedAt;
        }
        if (lastFinishedAt == null || finishedAt.isAfter(lastFinishedAt)) {
            lastFinishedAt = finishedAt;
        }
    }

    private void addFailures(ResultLine line, RowReference row) {
        String step = orEmpty(line.failedStep());
        if (!orEmpty(line.error()).isEmpty()) {
            failures.add(step, ReasonText.ofCallError(line.error(), line.customerName()), row);
        }
        // several users of one row may fail for the same reason: the row counts once per reason
        Set<String> userReasons = new LinkedHashSet<>();
        for (String failedUser : orEmpty(line.usersFailed()).split("; ")) {
            if (!failedUser.isBlank()) {
                int colon = failedUser.indexOf(": ");
                String reason = colon < 0 ? failedUser : failedUser.substring(colon + 2);
                userReasons.add("User not added: " + ReasonText.ofCallError(reason, line.customerName()));
            }
        }
        userReasons.forEach(reason -> failures.add("add_users", reason, row));
    }

    private void addRejections(ResultLine line, RowReference row) {
        // two invalid emails in one row are one problem of that row
        Set<ReasonText.ColumnProblem> problems = new LinkedHashSet<>(ReasonText.ofRejection(orEmpty(line.error())));
        for (ReasonText.ColumnProblem problem : problems) {
            rejections.add(problem.column(), problem.problem(), row);
        }
    }

    private void addInDoubt(ResultLine line, RowReference row) {
        if (inDoubtRows.size() < MAX_IN_DOUBT_ROWS) {
            inDoubtRows.add(new InDoubtRow(row, orEmpty(line.failedStep()), orEmpty(line.error())));
        }
        else {
            unlistedInDoubtRows++;
        }
    }

    private void addPending(ResultLine line, RowReference row) {
        if (orEmpty(line.error()).isEmpty()) {
            pending.add("", "The run stopped before this row was finished.", row);
        }
        else {
            pending.add(orEmpty(line.failedStep()), ReasonText.ofCallError(line.error(), line.customerName()), row);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
