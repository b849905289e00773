package com.mspimporter.input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits the {@code user_emails} cell and checks each address. */
final class EmailList {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;
    // A practical subset of RFC 5322: dot-atom local part, host names with a top-level domain.
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailList() {
    }

    /**
     * Splits a cell on {@code ;}, trims each address and drops empty ones and repeats, comparing
     * without regard to case and keeping the first spelling.
     */
    static List<String> split(String cell) {
        List<String> addresses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : cell.split(";")) {
            String address = CustomerCsvReader.trim(part);
            if (!address.isEmpty() && seen.add(address.toLowerCase(Locale.ROOT))) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    /** Returns the problem of one address, if it has one. */
    static Optional<String> problem(String address) {
        String start = Column.USER_EMAILS.header() + " " + ProblemText.quote(address);
        if (address.length() > MAX_LENGTH) {
            return Optional.of(start + " is longer than " + MAX_LENGTH + " characters, the maximum for an email"
                    + " address.");
        }
        int at = address.lastIndexOf('@');
        if (!ADDRESS.matcher(address).matches() || at > MAX_LOCAL_PART_LENGTH) {
            boolean severalAddresses = address.indexOf(',') >= 0 || address.indexOf('@') != at;
            String hint = severalAddresses ? "; separate addresses with ';'" : "";
            return Optional.of(start + " is not a valid email address" + hint + ".");
        }
        return Optional.empty();
    }
}
