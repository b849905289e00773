package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The DEBUG line written for each retry. */
class RetryLoggingTest extends ApiStandIn {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ApiResilience.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureLog() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
    }

    @Test
    void retryLoggedAtDebug() {
        respondInTurn(USERS, json(503, "{\"message\":\"secret body text\"}"), ok(USERS_RESPONSE));

        client().addUsers("c-1", List.of("a@example.com"), "MSP-Admin", new RequestCounter());

        assertThat(appender.list).hasSize(1);
        ILoggingEvent event = appender.list.get(0);
        assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(event.getFormattedMessage())
                .matches("Try 1 of add_users failed \\(the API responded with HTTP 503 Service Unavailable\\), "
                        + "retrying in \\d+ ms")
                .doesNotContain(TestSettings.API_KEY)
                .doesNotContain("secret body text");
    }
}
