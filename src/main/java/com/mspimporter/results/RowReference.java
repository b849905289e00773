package com.mspimporter.results;

/**
 * A row named in the HTML summary: its number in the input file and its customer's name.
 *
 * @param row the record's number, as in the {@code row} column of the results file
 */
public record RowReference(long row, String customerName) {
}
