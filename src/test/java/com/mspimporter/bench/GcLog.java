package com.mspimporter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The garbage collections of the importer, read from the file that {@code -Xlog:gc:file=FILE:timemillis}
 * writes. Each pause line gives the heap used before and after the pause. The largest "before"
 * value is the peak heap used as the collector saw it. The largest "after" value of a collecting
 * pause is an upper bound of the peak live heap.
 */
record GcLog(String collector, List<Collection> collections) {

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+)ms\\] GC\\(\\d+\\) (.+?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern USING = Pattern.compile("^\\[\\d+ms\\] Using (.+)$");

    /**
     * Builds the JVM option that makes the child process write the log this class reads. The
     * {@code timemillis} decorator gives epoch milliseconds, to compare with the importer's log times.
     */
    static String jvmOption(Path file) {
        return "-Xlog:gc:file=" + file.toAbsolutePath() + ":timemillis";
    }

    /** One collection: when it ran, its name, and the heap used before and after it and committed, in bytes. */
    record Collection(Instant time, String name, long usedBefore, long usedAfter, long committed) {

        boolean isFull() {
            return name.startsWith("Pause Full");
        }

        /**
         * Tells whether the "after" value approximates the live heap. After a young, mixed or full pause
         * it is an upper bound, because old-generation garbage stays until a mixed or full collection.
         * G1's remark and cleanup pauses collect nothing, so their "after" value is just the heap in use.
         */
        boolean measuresLiveHeap() {
            return name.startsWith("Pause Young") || name.startsWith("Pause Full");
        }
    }

    /** Reads a log; a missing file gives an empty log, because the JVM may have failed before creating it. */
    static GcLog read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new GcLog("unknown", List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the GC log " + file + ": " + ex.getMessage(), ex);
        }
        String collector = "unknown";
        List<Collection> collections = new ArrayList<>();
        for (String line : lines) {
            Matcher using = USING.matcher(line);
            if (using.matches()) {
                collector = using.group(1);
                continue;
            }
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                collections.add(new Collection(Instant.ofEpochMilli(Long.parseLong(pause.group(1))), pause.group(2),
                        bytes(pause.group(3), pause.group(4)), bytes(pause.group(5), pause.group(6)),
                        bytes(pause.group(7), pause.group(8))));
            }
        }
        return new GcLog(collector, List.copyOf(collections));
    }

    OptionalLong peakUsedBefore() {
        return collections.stream().mapToLong(Collection::usedBefore).max();
    }

    OptionalLong peakUsedAfter() {
        return collections.stream().filter(Collection::measuresLiveHeap).mapToLong(Collection::usedAfter).max();
    }

    long fullCollections() {
        return collections.stream().filter(Collection::isFull).count();
    }

    /** Returns the largest live heap (used after a collection) of the collections in a time window. */
    OptionalLong peakUsedAfter(Instant from, Instant to) {
        return collections.stream()
                .filter(Collection::measuresLiveHeap)
                .filter(collection -> !collection.time().isBefore(from) && collection.time().isBefore(to))
                .mapToLong(Collection::usedAfter)
                .max();
    }

    private static long bytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> value * 1024;
            case "M" -> value * 1024 * 1024;
            default -> value * 1024 * 1024 * 1024;
        };
    }
}
