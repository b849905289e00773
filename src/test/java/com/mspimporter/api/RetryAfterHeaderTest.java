package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Parsing of the two forms of {@code Retry-After}. */
class RetryAfterHeaderTest {

    private final RetryAfterHeader header =
            new RetryAfterHeader(Clock.fixed(Instant.parse("2026-12-04T02:13:45Z"), ZoneOffset.UTC));

    @Test
    void deltaSecondsAreRead() {
        assertThat(header.parse(" 120 ")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void httpDateIsMeasuredFromClock() {
        assertThat(header.parse("Fri, 04 Dec 2026 02:14:15 GMT")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void pastDateMeansNoWait() {
        assertThat(header.parse("Fri, 04 Dec 2026 02:00:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void hugeDeltaStaysHuge() {
        assertThat(header.parse("99999999999999999999999")).isGreaterThan(Duration.ofDays(365));
    }

    @Test
    void absentOrMalformedValueIsIgnored() {
        assertThat(header.parse(null)).isNull();
        assertThat(header.parse("")).isNull();
        assertThat(header.parse("-5")).isNull();
        assertThat(header.parse("soon")).isNull();
        assertThat(header.parse("1.5")).isNull();
    }
}
