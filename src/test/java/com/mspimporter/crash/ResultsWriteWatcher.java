package com.mspimporter.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Watches a results file and kills the importer as soon as it starts writing it. A write has started when the file
 * changes, or when a new file whose name contains the results file's name (such as a temporary file beside it)
 * appears in its folder.
 */
final class ResultsWriteWatcher {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(1);

    private final Path results;
    private final Set<String> namesBefore;
    private final String stateBefore;

    private ResultsWriteWatcher(Path results, Set<String> namesBefore, String stateBefore) {
        this.results = results;
        this.namesBefore = namesBefore;
        this.stateBefore = stateBefore;
    }

    /** Records the results file and its folder as they are now. */
    static ResultsWriteWatcher snapshot(Path results) {
        return new ResultsWriteWatcher(results, relatedNames(results), stateOf(results));
    }

    /**
     * Polls until the importer starts writing the results, kills it then, and returns {@code true}. Returns
     * {@code false} when the process ends, or the timeout passes, before a write was seen.
     */
    boolean killOnWrite(ImporterProcess process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && deadline - System.nanoTime() > 0) {
            if (writeStarted()) {
                process.kill();
                return true;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return false;
    }

    private boolean writeStarted() {
        return !relatedNames(results).equals(namesBefore) || !stateOf(results).equals(stateBefore);
    }

    private static Set<String> relatedNames(Path results) {
        String name = results.getFileName().toString();
        try (Stream<Path> entries = Files.list(results.getParent())) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(entry -> entry.contains(name))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + results.getParent(), e);
        }
    }

    /** Returns the size and modification time of a file, or {@code absent}. */
    private static String stateOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toInstant() + "#" + attributes.fileKey();
        } catch (IOException e) {
            return "absent";
        }
    }
}
