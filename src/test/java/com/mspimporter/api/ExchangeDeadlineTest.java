package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.Test;

/** The deadline that cancels an exchange running past the read timeout. */
class ExchangeDeadlineTest {

    @Test
    void lateExchangeIsCancelled() throws InterruptedException {
        RecordingExchange exchange = new RecordingExchange();
        try (ExchangeDeadline deadline = new ExchangeDeadline(Duration.ofMillis(50));
                ExchangeDeadline.Watch watch = deadline.start(exchange)) {
            assertThat(exchange.cancelled.await(5, TimeUnit.SECONDS)).isTrue();

            IOException reported = watch.failure(new SocketException("Socket closed"), true);

            assertThat(reported).isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("No complete response within 50 ms")
                    .hasCauseInstanceOf(SocketException.class);
        }
    }

    @Test
    void lateExchangeNotYetSentIsConnectTimeout() throws InterruptedException {
        RecordingExchange exchange = new RecordingExchange();
        try (ExchangeDeadline deadline = new ExchangeDeadline(Duration.ofMillis(50));
                ExchangeDeadline.Watch watch = deadline.start(exchange)) {
            assertThat(exchange.cancelled.await(5, TimeUnit.SECONDS)).isTrue();

            IOException reported = watch.failure(new SocketException("Socket closed"), false);

            assertThat(reported).isInstanceOf(ConnectTimeoutException.class)
                    .hasMessage("No connection to the API within 50 ms");
        }
    }

    @Test
    void timelyExchangeIsNotCancelled() throws InterruptedException {
        RecordingExchange exchange = new RecordingExchange();
        SocketException failure = new SocketException("Connection reset");
        try (ExchangeDeadline deadline = new ExchangeDeadline(Duration.ofMillis(100))) {
            ExchangeDeadline.Watch watch = deadline.start(exchange);
            watch.close();

            assertThat(exchange.cancelled.await(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(watch.failure(failure, true)).isSameAs(failure);
        }
    }

    @Test
    void zeroMeansNoDeadline() throws InterruptedException {
        RecordingExchange exchange = new RecordingExchange();
        try (ExchangeDeadline deadline = new ExchangeDeadline(Duration.ZERO);
                ExchangeDeadline.Watch watch = deadline.start(exchange)) {
            assertThat(exchange.cancelled.await(200, TimeUnit.MILLISECONDS)).isFalse();
        }
    }

    private static final class RecordingExchange implements Cancellable {

        final CountDownLatch cancelled = new CountDownLatch(1);

        @Override
        public boolean cancel() {
            cancelled.countDown();
            return true;
        }
    }
}
