package com.mspimporter.results;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

/**
 * Writes the results file: UTF-8 with a byte-order mark, a header line, one line per input record.
 * The file is written beside its final name and renamed into place, so that a crash never leaves half a report.
 */
public final class ResultsCsvWriter {

    /** The columns of the results file, in order. */
    public static final String[] HEADER = {"row", "customer_name", "status", "customer_id", "integration_type",
        "integration_id", "external_id", "cloudformation_url", "users_added", "users_failed", "failed_step", "error",
        "attempts", "finished_at"};

    private ResultsCsvWriter() {
    }

    /**
     * Writes the lines that {@code source} hands to its consumer, in the order it hands them.
     *
     * @return the number of lines written, the header not counted
     */
    public static long write(Path output, Consumer<Consumer<ResultLine>> source) {
        Path target = output.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        long[] written = {0};
        try {
            try (Writer out = new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8);
                    ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
                out.write('\uFEFF');
                csv.writeNext(HEADER, false);
                source.accept(line -> {
                    csv.writeNext(cells(line), false);
                    written[0]++;
                });
                csv.flush();
                if (csv.checkError()) {
                    throw new IOException("writing " + temporary + " failed");
                }
            }
            ReplacedFiles.moveIntoPlace(temporary, target);
            return written[0];
        }
        catch (IOException ex) {
            ReplacedFiles.deleteQuietly(temporary);
            throw new UncheckedIOException("Could not write the results file " + target + ": " + ex.getMessage(), ex);
        }
    }

    static String[] cells(ResultLine line) {
        return new String[] {
            Long.toString(line.row()),
            SpreadsheetSafety.neutralise(line.customerName()),
            line.status(),
            SpreadsheetSafety.neutralise(line.customerId()),
            SpreadsheetSafety.neutralise(line.integrationType()),
            SpreadsheetSafety.neutralise(line.integrationId()),
            SpreadsheetSafety.neutralise(line.externalId()),
            SpreadsheetSafety.neutralise(line.cloudformationUrl()),
            SpreadsheetSafety.neutralise(line.usersAdded()),
            SpreadsheetSafety.neutralise(line.usersFailed()),
            SpreadsheetSafety.neutralise(line.failedStep()),
            SpreadsheetSafety.neutralise(line.error()),
            Integer.toString(line.attempts()),
            line.finishedAt() == null ? "" : timestamp(line.finishedAt()),
        };
    }

    /** Formats an instant as the results file does: ISO-8601 in UTC, whole seconds. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
