package com.mspimporter.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mspimporter.results.HtmlSummaryWriter;

/**
 * The CSV files of a drop folder that are ready to import: every {@code *.csv} that is not a results file and was
 * not modified in the last minute (it may still be being copied), oldest first.
 */
final class DropFolder {

    static final Duration SETTLE_TIME = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

    private final Path folder;
    private final Path doneFolder;
    private final Clock clock;

    DropFolder(Path folder, String doneDir, Clock clock) {
        this.folder = folder;
        this.doneFolder = folder.resolve(doneDir);
        this.clock = clock;
    }

    List<Path> readyFiles() {
        Instant settled = clock.instant().minus(SETTLE_TIME);
        try (Stream<Path> entries = Files.list(folder)) {
            return entries
                    .filter(Files::isRegularFile)
                    .filter(DropFolder::isInputName)
                    .filter(file -> {
                        boolean ready = modified(file).toInstant().isBefore(settled);
                        if (!ready) {
                            log.info("Skipping {} for now: it changed less than a minute ago", file.getFileName());
                        }
                        return ready;
                    })
                    .sorted(Comparator.comparing(DropFolder::modified).thenComparing(Path::getFileName))
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not list the drop folder " + folder + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Moves a completed file, its results and its summary page into the done folder. A name already taken there
     * gets a suffix, so that an earlier file of the same name is kept.
     */
    void moveToDone(Path input, Path results) throws IOException {
        Files.createDirectories(doneFolder);
        List<Path> files = List.of(input, results, HtmlSummaryWriter.pageFor(results));
        boolean taken = files.stream().anyMatch(file -> Files.exists(doneFolder.resolve(file.getFileName())));
        String stamp = taken ? "." + clock.millis() : "";
        for (Path file : files) {
            if (Files.exists(file)) {
                Files.move(file, doneFolder.resolve(stamped(file.getFileName().toString(), stamp)),
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        log.info("Moved {} and its results to {}", input.getFileName(), doneFolder);
    }

    /** Puts the stamp before the extensions, so that {@code a.results.csv} becomes {@code a.<stamp>.results.csv}. */
    private static String stamped(String name, String stamp) {
        int dot = name.indexOf('.');
        return dot < 0 ? name + stamp : name.substring(0, dot) + stamp + name.substring(dot);
    }

    private static boolean isInputName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") && !name.endsWith(".results.csv") && !name.startsWith(".");
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
