package com.mspimporter.config;

/**
 * A percentage between 0 and 100, written {@code 50%} or {@code 50}.
 *
 * @param value the percentage
 */
public record Percent(float value) {

    public Percent {
        if (value <= 0 || value > 100) {
            throw new IllegalArgumentException("a percentage must be above 0% and at most 100%: " + value + "%");
        }
    }

    /** Parses {@code 50%} or {@code 50}. */
    public static Percent parse(String text) {
        String value = text.trim();
        if (value.endsWith("%")) {
            value = value.substring(0, value.length() - 1).trim();
        }
        try {
            return new Percent(Float.parseFloat(value));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage such as 50%");
        }
    }

    @Override
    public String toString() {
        return value + "%";
    }
}
