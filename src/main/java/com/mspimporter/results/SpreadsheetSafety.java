package com.mspimporter.results;

/**
 * Keeps a spreadsheet from running a cell as a formula: a value that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading {@code '}.
 */
public final class SpreadsheetSafety {

    private SpreadsheetSafety() {
    }

    /** Returns the value ready for a cell; {@code null} becomes an empty cell. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
