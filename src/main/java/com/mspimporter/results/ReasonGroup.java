package com.mspimporter.results;

import java.util.List;

/**
 * Rows that share one reason in the HTML summary, with the first rows it hit.
 *
 * @param where the step (for example {@code create_customer}) or, for a rejected row, the column
 * @param reason the error text with its row-specific parts replaced
 * @param count how many rows have this reason
 * @param rows the first rows with this reason, in input order; {@code count - rows.size()} more are not listed
 */
public record ReasonGroup(String where, String reason, long count, List<RowReference> rows) {

    public ReasonGroup {
        rows = List.copyOf(rows);
    }

    /** Returns how many rows with this reason are counted but not listed. */
    public long unlistedRows() {
        return count - rows.size();
    }
}
