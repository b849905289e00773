package com.mspimporter.input;

import java.util.Map;

/**
 * One record of the input CSV after its cells were matched to the header.
 *
 * @param rowNumber the record's number, the first record after the header being 1; blank records are not counted
 * @param lineNumber the physical line on which the record starts, the header being line 1
 * @param values the trimmed cell of each column that the header has; a missing column has no entry
 */
public record CsvRecord(long rowNumber, long lineNumber, Map<Column, String> values) {

    public CsvRecord {
        values = Map.copyOf(values);
    }

    /** Returns the trimmed cell of a column, or an empty string when the column is absent. */
    public String value(Column column) {
        return values.getOrDefault(column, "");
    }
}
