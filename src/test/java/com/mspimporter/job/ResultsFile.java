package com.mspimporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;

/**
 * A results CSV as an account manager would open it, for assertions: it checks the byte-order mark and the
 * header line when read, and returns each line as a map from column name to cell.
 */
final class ResultsFile {

    static final List<String> COLUMNS = List.of("row", "customer_name", "status", "customer_id", "integration_type",
            "integration_id", "external_id", "cloudformation_url", "users_added", "users_failed", "failed_step",
            "error", "attempts", "finished_at");

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<Map<String, String>> lines;

    private ResultsFile(List<Map<String, String>> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Reads a results file, asserting that it starts with a UTF-8 byte-order mark and the expected header. */
    static ResultsFile read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(content).as("results file %s starts with a UTF-8 byte-order mark", file)
                .startsWith(BYTE_ORDER_MARK);
        String text = new String(content, BYTE_ORDER_MARK.length, content.length - BYTE_ORDER_MARK.length,
                StandardCharsets.UTF_8);

        List<String[]> records = parse(text);
        assertThat(records).as("results file %s has a header line", file).isNotEmpty();
        assertThat(records.get(0)).as("header of %s", file).containsExactlyElementsOf(COLUMNS);

        List<Map<String, String>> lines = new ArrayList<>();
        for (String[] record : records.subList(1, records.size())) {
            assertThat(record).as("cells of line %s in %s", Arrays.toString(record), file).hasSize(COLUMNS.size());
            Map<String, String> line = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                line.put(COLUMNS.get(i), record[i]);
            }
            lines.add(line);
        }
        return new ResultsFile(lines);
    }

    private static List<String[]> parse(String text) {
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().build())
                .build()) {
            return reader.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvException e) {
            throw new AssertionError("the results file is not valid CSV: " + e.getMessage(), e);
        }
    }

    /** Returns every line after the header, in file order. */
    List<Map<String, String>> lines() {
        return lines;
    }

    /** Returns the line whose {@code row} cell is the given record number. */
    Map<String, String> row(int rowNumber) {
        String expected = Integer.toString(rowNumber);
        return lines.stream()
                .filter(line -> line.get("row").equals(expected))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no results line for row " + rowNumber + " in " + lines));
    }

    /** Returns one column of every line, in file order. */
    List<String> column(String name) {
        if (!COLUMNS.contains(name)) {
            throw new IllegalArgumentException("no results column " + name);
        }
        return lines.stream().map(line -> line.get(name)).toList();
    }
}
