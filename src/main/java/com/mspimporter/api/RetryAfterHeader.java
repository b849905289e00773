package com.mspimporter.api;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/** Parses a {@code Retry-After} header: delta-seconds ({@code 120}) or an HTTP date (RFC 9110, section 10.2.3). */
final class RetryAfterHeader {

    private final Clock clock;

    RetryAfterHeader(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the wait that the header requests, zero for a date in the past, or {@code null}
     * when the header is absent or malformed, in which case the normal backoff applies.
     */
    @Nullable
    Duration parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            return parseSeconds(text);
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), date.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static Duration parseSeconds(String digits) {
        // Caps values that would overflow a long; the cap is still far above any sensible maxRetryAfter.
        if (digits.length() > 12) {
            return Duration.ofSeconds(999_999_999_999L);
        }
        return Duration.ofSeconds(Long.parseLong(digits));
    }
}
