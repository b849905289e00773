package com.mspimporter.input;

import java.util.List;

/**
 * The outcome of validating one record: either a valid row or the problems found.
 *
 * @param record the record as read
 * @param row the valid row, or {@code null} when there are problems
 * @param problems one sentence per problem, each naming the column, in column order; empty when valid
 */
public record RowValidation(CsvRecord record, CustomerRow row, List<String> problems) {

    public RowValidation {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Joins the problems into the text of the results file's {@code error} cell. */
    public String errorText() {
        return String.join(" ", problems);
    }
}
