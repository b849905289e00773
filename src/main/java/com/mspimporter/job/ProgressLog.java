package com.mspimporter.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.mspimporter.onboarding.RowStatus;

/** Formats the progress line of the onboard step: rows done, rate, problems so far and the time left. */
final class ProgressLog {

    private final long total;
    private final Instant started;

    ProgressLog(long total, Instant started) {
        this.total = total;
        this.started = started;
    }

    String line(Map<RowStatus, Long> finished, Instant now) {
        long done = finished.values().stream().mapToLong(Long::longValue).sum();
        long problems = finished.entrySet().stream()
                .filter(entry -> entry.getKey().needsAttention() || entry.getKey() == RowStatus.PENDING)
                .mapToLong(Map.Entry::getValue)
                .sum();
        double seconds = Math.max(Duration.between(started, now).toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        String left = rate > 0 && done < total ? formatDuration(Duration.ofSeconds((long) ((total - done) / rate)))
                : "0s";
        return String.format(Locale.ROOT, "Progress: %d of %d rows done (%.0f%%), %.1f rows/s, %d need a person"
                + " or a restart, about %s left", done, total, total == 0 ? 100.0 : done * 100.0 / total, rate,
                problems, left);
    }

    static String formatDuration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
}
