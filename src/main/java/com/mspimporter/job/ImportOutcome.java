package com.mspimporter.job;

import java.nio.file.Path;
import java.util.Map;

import com.mspimporter.onboarding.RowStatus;

/**
 * How the import of one file ended.
 *
 * @param exitCode the process exit code this outcome calls for
 * @param message one sentence for the operator, or {@code null} when the counts say it all
 * @param counts rows per status
 * @param output the results file, or {@code null} when none was written
 */
public record ImportOutcome(int exitCode, String message, Map<RowStatus, Long> counts, Path output) {

    public static final int SUCCESS = 0;
    public static final int STOPPED = 1;
    public static final int UNUSABLE = 2;
    public static final int NEEDS_ATTENTION = 3;

    public ImportOutcome {
        counts = Map.copyOf(counts);
    }

    /** Returns the exit code of a finished run from its row counts: 0 when every row succeeded, else 3 or 1. */
    public static int exitCodeFor(Map<RowStatus, Long> counts) {
        if (counts.getOrDefault(RowStatus.PENDING, 0L) > 0) {
            return STOPPED;
        }
        boolean attention = counts.entrySet().stream()
                .anyMatch(entry -> entry.getKey().needsAttention() && entry.getValue() > 0);
        return attention ? NEEDS_ATTENTION : SUCCESS;
    }
}
