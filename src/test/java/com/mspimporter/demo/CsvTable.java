package com.mspimporter.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;

/**
 * A whole CSV file in memory: its header and its records, read as RFC 4180 with an optional UTF-8
 * byte-order mark. Meant for the demo's small files only.
 *
 * @param header the cells of the first line
 * @param records the other lines, each as its cells
 */
record CsvTable(List<String> header, List<String[]> records) {

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    /** Reads a UTF-8 file. A file without any line gives an empty header. */
    static CsvTable read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            List<String[]> lines = readAll(reader, file);
            if (lines.isEmpty()) {
                return new CsvTable(List.of(), List.of());
            }
            return new CsvTable(List.of(lines.get(0)), List.copyOf(lines.subList(1, lines.size())));
        }
    }

    /**
     * Returns the values of one column, in file order. A record too short for the column gives an empty
     * value.
     */
    List<String> column(String name) {
        int index = indexOf(name);
        List<String> values = new ArrayList<>(records.size());
        for (String[] cells : records) {
            values.add(index < cells.length ? cells[index] : "");
        }
        return values;
    }

    /** Returns whether the header has a column, compared trimmed and without regard to case. */
    boolean hasColumn(String name) {
        return header.stream().anyMatch(cell -> cell.strip().toLowerCase(Locale.ROOT).equals(name));
    }

    private int indexOf(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Column " + name + " not found in the CSV header " + header);
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
    }

    private static List<String[]> readAll(Reader reader, Path file) throws IOException {
        // the RFC 4180 parser keeps backslashes, which OpenCSV's default parser treats as escapes
        try (CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return csv.readAll();
        } catch (CsvException e) {
            String message = "Invalid CSV in " + file + " at line " + e.getLineNumber() + ": " + e.getMessage();
            throw new IOException(message, e);
        }
    }
}
