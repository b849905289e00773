package com.mspimporter.crash;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;

/**
 * A results file read strictly, so that a file cut off anywhere fails to read. It must be valid UTF-8, start with a
 * byte-order mark and the header line, and end with a line break, and every line must have every column.
 *
 * @param lines the lines after the header, each a map from column name to cell, in file order
 */
record ResultsCsv(List<Map<String, String>> lines) {

    static final List<String> COLUMNS = List.of("row", "customer_name", "status", "customer_id", "integration_type",
            "integration_id", "external_id", "cloudformation_url", "users_added", "users_failed", "failed_step",
            "error", "attempts", "finished_at");

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String LINE_BREAK = "\r\n";

    ResultsCsv {
        lines = List.copyOf(lines);
    }

    /**
     * Reads a results file.
     *
     * @throws InvalidResultsException when the file is not a whole results file
     */
    static ResultsCsv read(Path file) {
        String text = decode(file);
        if (!text.startsWith(BYTE_ORDER_MARK)) {
            throw new InvalidResultsException(file + " does not start with a UTF-8 byte-order mark");
        }
        if (!text.endsWith(LINE_BREAK)) {
            throw new InvalidResultsException(file + " does not end with a line break, so its last line is cut off");
        }
        List<String[]> records = parse(file, text.substring(BYTE_ORDER_MARK.length()));
        if (records.isEmpty() || !Arrays.asList(records.get(0)).equals(COLUMNS)) {
            throw new InvalidResultsException(file + " does not start with the header line " + COLUMNS);
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (String[] record : records.subList(1, records.size())) {
            if (record.length != COLUMNS.size()) {
                throw new InvalidResultsException(file + " has a line with " + record.length + " cells instead of "
                        + COLUMNS.size() + ": " + Arrays.toString(record));
            }
            Map<String, String> line = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                line.put(COLUMNS.get(i), record[i]);
            }
            lines.add(line);
        }
        return new ResultsCsv(lines);
    }

    /**
     * Returns what is wrong with a results file that should have one line per input record: nothing when it does not
     * exist or is whole.
     */
    static Optional<String> problemOf(Path file, int records) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            int lines = read(file).lines().size();
            return lines == records ? Optional.empty()
                    : Optional.of(file + " has " + lines + " lines instead of " + records);
        } catch (InvalidResultsException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Returns the line of a record number, or fails when there is none. */
    Map<String, String> line(int row) {
        String rowText = Integer.toString(row);
        return lines.stream()
                .filter(line -> line.get("row").equals(rowText))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The results have no line for row " + row));
    }

    /** Returns one column of every line, in file order. */
    List<String> column(String name) {
        return lines.stream().map(line -> line.get(name)).toList();
    }

    private static String decode(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidResultsException(file + " is not valid UTF-8: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static List<String[]> parse(Path file, String text) {
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().build())
                .build()) {
            return reader.readAll();
        } catch (IOException | CsvException e) {
            throw new InvalidResultsException(file + " is not valid CSV: " + e.getMessage());
        }
    }

    /** Raised for a file that is not a whole results file. */
    static final class InvalidResultsException extends RuntimeException {

        InvalidResultsException(String message) {
            super(message);
        }
    }
}
