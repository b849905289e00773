package com.mspimporter.input;

import java.nio.file.Path;

/** Checks every column of a record and applies defaults. */
public final class RowValidator {

    private final Path csvFolder;

    /** Creates a validator for a file in {@code csvFolder}, where key files must be. */
    public RowValidator(Path csvFolder) {
        this.csvFolder = csvFolder;
    }

    public RowValidation validate(CsvRecord record) {
        throw new UnsupportedOperationException("not built yet " + csvFolder);
    }
}
