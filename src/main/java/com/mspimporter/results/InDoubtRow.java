package com.mspimporter.results;

/**
 * An {@code IN_DOUBT} row as the HTML summary calls it out.
 *
 * @param step the create call whose response was lost, as the {@code failed_step} column writes it
 * @param error what happened and what to check on the platform
 */
public record InDoubtRow(RowReference row, String step, String error) {
}
