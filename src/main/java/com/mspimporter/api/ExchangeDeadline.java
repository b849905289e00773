package com.mspimporter.api;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.concurrent.Cancellable;
import org.jspecify.annotations.Nullable;

/**
 * Cancels an exchange that has not finished within the read timeout, counted from its start, connecting
 * included. The socket timeout of the HTTP client covers a single read only, so a response that arrives a few bytes
 * at a time would otherwise hold a worker for as long as the server keeps sending.
 *
 * <p>One timer thread serves every exchange of a client; it ends after a few idle seconds and is started again
 * when needed.
 */
final class ExchangeDeadline implements AutoCloseable {

    private static final long IDLE_THREAD_SECONDS = 5;

    private final @Nullable Duration limit;
    private final @Nullable ScheduledThreadPoolExecutor timer;

    /** Creates deadlines of the given length; {@code null}, zero or negative means exchanges have none. */
    ExchangeDeadline(@Nullable Duration limit) {
        if (limit == null || limit.isZero() || limit.isNegative()) {
            this.limit = null;
            this.timer = null;
            return;
        }
        this.limit = limit;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "api-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(IDLE_THREAD_SECONDS, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** Starts the clock for one exchange; closing the returned watch stops it. */
    Watch start(Cancellable exchange) {
        return new Watch(exchange);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The deadline of one exchange. */
    final class Watch implements AutoCloseable {

        private final @Nullable ScheduledFuture<?> expiry;
        private volatile boolean expired;

        private Watch(Cancellable exchange) {
            if (timer == null || limit == null) {
                this.expiry = null;
                return;
            }
            this.expiry = timer.schedule(() -> {
                expired = true;
                exchange.cancel();
            }, limit.toNanos(), TimeUnit.NANOSECONDS);
        }

        /**
         * Returns the failure to report for an exchange that failed: the failure itself unless the deadline
         * cancelled the exchange. Then a {@link ConnectTimeoutException} when the request had not started to go
         * out, because the API cannot have acted on it, and a {@link SocketTimeoutException} otherwise.
         */
        IOException failure(IOException failure, boolean requestSent) {
            if (!expired) {
                return failure;
            }
            IOException timeout = requestSent
                    ? new SocketTimeoutException("No complete response within " + limit.toMillis() + " ms")
                    : new ConnectTimeoutException("No connection to the API within " + limit.toMillis() + " ms");
            timeout.initCause(failure);
            return timeout;
        }

        @Override
        public void close() {
            if (expiry != null) {
                expiry.cancel(false);
            }
        }
    }
}
