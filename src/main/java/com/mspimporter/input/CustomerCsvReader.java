package com.mspimporter.input;

import java.io.Closeable;
import java.nio.file.Path;

import com.mspimporter.config.ImporterProperties;

/**
 * Streams the records of an input CSV, matching cells to the header.
 * Blank records are skipped; every other record is returned with its record and line numbers.
 */
public final class CustomerCsvReader implements Closeable {

    private CustomerCsvReader() {
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws InputFileException when the file cannot be read or its header is unusable
     */
    public static CustomerCsvReader open(Path file, ImporterProperties.Input settings) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Reads the next record that is not blank.
     *
     * @return the record, or {@code null} at the end of the file
     * @throws InputFileException when the file is broken at this point
     */
    public CsvRecord read() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
    }
}
