package com.mspimporter.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mspimporter.input.Column;

/**
 * Turns error texts of the results file into reasons that many rows share, by replacing the parts that differ from
 * row to row (names, ids, emails, quoted values, counts) with placeholders.
 */
final class ReasonText {

    static final String CUSTOMER_NAME = "[customer name]";
    static final int MAX_LENGTH = 300;

    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    // a word of 8 or more letters, digits, '_' or '-' that contains a digit, such as cus_82734612
    private static final Pattern ID_TOKEN = Pattern.compile("(?<![\\w-])(?=[\\w-]*\\d)[\\w-]{8,}(?![\\w-])");
    // quotes that open and close at a word boundary, so that an apostrophe as in "customer's" is not one
    private static final Pattern SINGLE_QUOTED =
            Pattern.compile("(?<![\\p{L}\\p{N}])'[^'\\n]{1,200}'(?![\\p{L}\\p{N}])");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"[^\"\\n]{1,200}\"");
    // counts such as "wait 300 s"; one-digit counts ("after 5 tries") and HTTP statuses are kept
    private static final Pattern NUMBER = Pattern.compile("(?<!HTTP )(?<![\\p{L}\\p{N}.])\\d{2,}(?![\\p{L}\\p{N}])");
    private static final Pattern PROBLEM_START = Pattern.compile("(?<=\\.) (?=(?:" + Arrays.stream(Column.values())
            .map(column -> Pattern.quote(column.header()))
            .collect(Collectors.joining("|")) + ") )");
    // a rejection names the column, then the cell between quotes, then a lower-case verb: "may", "is", "must"...
    private static final Pattern QUOTED_CELL = Pattern.compile("^(\\S+) '.*?' (?=\\p{Ll})", Pattern.DOTALL);
    private static final Pattern LENGTH = Pattern.compile("\\bis \\d+ characters long\\b");
    private static final Pattern JSON_LOCATION = Pattern.compile("\\(error at line \\d+, column \\d+\\)");

    private ReasonText() {
    }

    /**
     * Returns the reason of an error from a call, for example {@code HTTP 409 from the API: Customer '…' already
     * exists}. The status and the API's own words are kept; the row's customer name and its ids are replaced.
     */
    static String ofCallError(String error, String customerName) {
        String text = replaceName(error.strip(), customerName);
        // the checks for a character skip most patterns on most texts, which matters on a million failed rows
        if (text.indexOf('@') >= 0) {
            text = EMAIL.matcher(text).replaceAll("[email]");
        }
        if (text.indexOf('\'') >= 0) {
            text = SINGLE_QUOTED.matcher(text).replaceAll("'…'");
        }
        if (text.indexOf('"') >= 0) {
            text = DOUBLE_QUOTED.matcher(text).replaceAll("\"…\"");
        }
        if (text.chars().anyMatch(Character::isDigit)) {
            text = UUID.matcher(text).replaceAll("[id]");
            text = ID_TOKEN.matcher(text).replaceAll("[id]");
            text = NUMBER.matcher(text).replaceAll("[number]");
        }
        return shorten(text);
    }

    /**
     * Splits the error of a rejected row into one problem per column, each with the cell's value replaced, so that
     * {@code user_emails 'ana.example.com' is not a valid email address.} becomes {@code user_emails '…' is not a
     * valid email address.}
     */
    static List<ColumnProblem> ofRejection(String error) {
        List<ColumnProblem> problems = new ArrayList<>();
        for (String problem : PROBLEM_START.split(error.strip())) {
            if (problem.isBlank()) {
                continue;
            }
            String text = QUOTED_CELL.matcher(problem).replaceFirst("$1 '…' ");
            text = LENGTH.matcher(text).replaceAll("is too long");
            text = JSON_LOCATION.matcher(text).replaceAll("(error at line …)");
            problems.add(new ColumnProblem(columnOf(problem), shorten(text)));
        }
        return problems;
    }

    private static String columnOf(String problem) {
        int space = problem.indexOf(' ');
        String first = space < 0 ? problem : problem.substring(0, space);
        return Column.fromHeader(first).map(Column::header).orElse("");
    }

    /** Replaces the customer's name where it appears as a whole word, in any case; very short names are kept. */
    private static String replaceName(String text, String customerName) {
        if (customerName == null || customerName.strip().length() < 3
                || !text.toLowerCase(Locale.ROOT).contains(customerName.strip().toLowerCase(Locale.ROOT))) {
            return text;
        }
        Pattern name = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(customerName.strip())
                + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return name.matcher(text).replaceAll(Matcher.quoteReplacement(CUSTOMER_NAME));
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * One problem of a rejected row.
     *
     * @param column the column's header name, or empty when the problem names no column
     */
    record ColumnProblem(String column, String problem) {
    }
}
