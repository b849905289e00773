package com.mspimporter.input;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the AWS role ARN and the GCP project id of a row, and recognises what spreadsheets do to
 * long numbers: drop a leading zero, or show them in scientific notation and lose digits.
 */
final class CloudIds {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::([^:]*):role/(.*)", Pattern.DOTALL);
    // IAM role paths and names: letters, digits and +=,.@_- with '/' between path parts; a name is at most 64.
    private static final Pattern ROLE_PATH_AND_NAME = Pattern.compile("(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    // Excel writes 123456789012 as 1.23457E+11; some locales use a decimal comma.
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](?:[.,][0-9]+)?[eE][+-]?[0-9]+");
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final int ACCOUNT_ID_DIGITS = 12;
    private static final String ARN_FORM = "arn:aws:iam::<12-digit account id>:role/<role name>";
    private static final String LEADING_ZERO = ", which happens when a spreadsheet drops a leading zero";
    private static final String SCIENTIFIC_NOTATION = " in scientific notation, which a spreadsheet shows for long"
            + " numbers and which loses digits; format the column as text and type the value again";

    private CloudIds() {
    }

    /** Returns the problem of an {@code aws_role_arn} cell that is not empty, if it has one. */
    static Optional<String> roleArnProblem(String value) {
        String start = Column.AWS_ROLE_ARN.header() + " " + ProblemText.quote(value);
        if (DIGITS.matcher(value).matches()) {
            return Optional.of(start + " is an account id, not a role ARN; write " + ARN_FORM
                    + accountIdDigitsNote(value));
        }
        if (SCIENTIFIC.matcher(value).matches()) {
            return Optional.of(start + " is an account id" + SCIENTIFIC_NOTATION + ", as a role ARN: " + ARN_FORM
                    + ".");
        }
        Matcher arn = ROLE_ARN.matcher(value);
        if (!arn.matches()) {
            return Optional.of(start + " is not an IAM role ARN; write " + ARN_FORM + ".");
        }
        String account = arn.group(1);
        if (SCIENTIFIC.matcher(account).matches()) {
            return Optional.of(start + " has its account id" + SCIENTIFIC_NOTATION + ".");
        }
        if (!DIGITS.matcher(account).matches()) {
            return Optional.of(start + " has an account id that is not 12 digits; write " + ARN_FORM + ".");
        }
        if (account.length() != ACCOUNT_ID_DIGITS) {
            return Optional.of(start + " must be " + ARN_FORM + accountIdDigitsNote(account));
        }
        if (!ROLE_PATH_AND_NAME.matcher(arn.group(2)).matches()) {
            return Optional.of(start + " has an invalid role name; a role path and name may contain only letters,"
                    + " digits and +=,.@_- with '/' between path parts, and the name at most 64 characters.");
        }
        return Optional.empty();
    }

    private static String accountIdDigitsNote(String accountId) {
        if (accountId.length() == ACCOUNT_ID_DIGITS) {
            return ".";
        }
        return "; the account id has " + accountId.length() + " digits"
                + (accountId.length() == ACCOUNT_ID_DIGITS - 1 ? LEADING_ZERO : "") + ", but an AWS account id"
                + " has exactly 12.";
    }

    /** Returns the problem of a {@code gcp_project_id} cell that is not empty, if it has one. */
    static Optional<String> projectIdProblem(String value) {
        if (PROJECT_ID.matcher(value).matches()) {
            return Optional.empty();
        }
        String start = Column.GCP_PROJECT_ID.header() + " " + ProblemText.quote(value);
        if (SCIENTIFIC.matcher(value).matches()) {
            return Optional.of(start + " is a number" + SCIENTIFIC_NOTATION + "; a project id is 6 to 30"
                    + " lower-case letters, digits and hyphens.");
        }
        if (DIGITS.matcher(value).matches()) {
            return Optional.of(start + " is a project number; write the project id instead, 6 to 30 lower-case"
                    + " letters, digits and hyphens starting with a letter.");
        }
        return Optional.of(start + " must be 6 to 30 lower-case letters, digits and hyphens, starting with a"
                + " letter and not ending with a hyphen.");
    }
}
