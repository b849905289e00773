package com.mspimporter.config;

/**
 * A limit given either as a count ({@code 25}) or as a share of a total ({@code 20%}).
 *
 * @param count the limit as a number of items, or {@code null} when it is a share
 * @param percent the limit as a percentage of the total, or {@code null} when it is a count
 */
public record Limit(Long count, Double percent) {

    public Limit {
        if ((count == null) == (percent == null)) {
            throw new IllegalArgumentException("a limit is either a count or a percentage");
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("a limit count cannot be negative: " + count);
        }
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("a limit percentage must be between 0% and 100%: " + percent + "%");
        }
    }

    /** Parses {@code 25} as a count and {@code 20%} as a share. */
    public static Limit parse(String text) {
        String value = text.trim();
        try {
            if (value.endsWith("%")) {
                return new Limit(null, Double.parseDouble(value.substring(0, value.length() - 1).trim()));
            }
            return new Limit(Long.parseLong(value), null);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'" + text + "' is neither a count such as 25 nor a share such as 20%");
        }
    }

    /** Tells whether {@code value} items out of {@code total} go past this limit. */
    public boolean isExceededBy(long value, long total) {
        if (count != null) {
            return value > count;
        }
        return total > 0 && value * 100.0 / total > percent;
    }

    @Override
    public String toString() {
        return count != null ? Long.toString(count) : percent + "%";
    }
}
