package com.mspimporter.input;

/** Shows a value from the file inside a problem sentence, short and with its invisible characters visible. */
final class ProblemText {

    private static final int MAX_SHOWN = 80;

    private ProblemText() {
    }

    /** Returns the value between single quotes, shortened and with control characters escaped. */
    static String quote(String value) {
        return "'" + shorten(value) + "'";
    }

    /** Returns the value cut to at most 80 characters, with control characters written as escapes. */
    static String shorten(String value) {
        StringBuilder shown = new StringBuilder();
        int i = 0;
        while (i < value.length() && shown.length() <= MAX_SHOWN) {
            char c = value.charAt(i++);
            if (c == '\n') {
                shown.append("\\n");
            } else if (c == '\r') {
                shown.append("\\r");
            } else if (c == '\t') {
                shown.append("\\t");
            } else if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        if (i < value.length() || shown.length() > MAX_SHOWN) {
            shown.setLength(MAX_SHOWN - 3);
            if (Character.isHighSurrogate(shown.charAt(shown.length() - 1))) {
                shown.setLength(shown.length() - 1);
            }
            shown.append("...");
        }
        return shown.toString();
    }
}
