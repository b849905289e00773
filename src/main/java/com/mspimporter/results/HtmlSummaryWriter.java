package com.mspimporter.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the HTML summary of a results file beside it, for account managers who do not read logs:
 * {@code customers.results.csv} gets {@code customers.results.html}. Like the results file, the page is written to a
 * temporary file and renamed into place.
 */
public final class HtmlSummaryWriter {

    private HtmlSummaryWriter() {
    }

    /** Returns the path of a results file's page: its name with {@code .csv} replaced by {@code .html}. */
    public static Path pageFor(Path resultsFile) {
        String name = resultsFile.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return resultsFile.resolveSibling(base + ".html");
    }

    /**
     * Writes the page of a results file beside it.
     *
     * @return the path of the page
     * @throws UncheckedIOException when the page cannot be written; no half-written page is left behind
     */
    public static Path writeBeside(Path resultsFile, RunSummary summary) {
        Path target = pageFor(resultsFile.toAbsolutePath());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary),
                    StandardCharsets.UTF_8))) {
                new SummaryPage(summary, resultsFile.getFileName().toString(), out).write();
            }
            ReplacedFiles.moveIntoPlace(temporary, target);
            return target;
        }
        catch (IOException ex) {
            ReplacedFiles.deleteQuietly(temporary);
            throw new UncheckedIOException("Could not write the HTML summary " + target + ": " + ex.getMessage(), ex);
        }
    }

}
