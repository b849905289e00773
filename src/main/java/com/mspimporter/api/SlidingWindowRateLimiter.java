package com.mspimporter.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Keeps the API from seeing more than a given number of requests in any sliding window.
 *
 * <p>A request occupies a slot from the moment it may be sent until one window after its response
 * (or failure) came back, and a request starts only when a slot is free. Because the API receives a
 * request somewhere between those two moments, any window at the API contains at most {@code limit}
 * requests, however long the client stalls between taking a slot and sending.
 *
 * <p>Resilience4j's rate limiter is not used because it grants permits in fixed periods when a request
 * starts. Class loading on the first calls, or a garbage-collection pause, can then hold several
 * permitted requests back and release them together. With one permit per 54 ms period, a cold client
 * on a two-core machine delivered 21 to 22 requests within one second to a stand-in API limited to 20.
 * The cost here is that a slot stays taken for the request's latency on top of the window, so the
 * throughput is {@code limit / (window + latency)}.
 */
final class SlidingWindowRateLimiter {

    private final int limit;
    private final long windowNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotsChanged = lock.newCondition();
    /** When each recently finished request ended, oldest first, in {@link System#nanoTime()} units. */
    private final ArrayDeque<Long> recentEnds = new ArrayDeque<>();
    private int inFlight;

    SlidingWindowRateLimiter(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /**
     * Returns a limiter for the {@code importer.rate-limit-per-second} setting: the whole number of
     * requests per second, or one request per {@code 1 / rate} seconds for a rate below one.
     */
    static SlidingWindowRateLimiter perSecond(double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("importer.rate-limit-per-second must be above 0: " + rate);
        }
        if (rate < 1) {
            return new SlidingWindowRateLimiter(1, Duration.ofNanos((long) Math.ceil(1e9 / rate)));
        }
        return new SlidingWindowRateLimiter((int) Math.min(Integer.MAX_VALUE, Math.floor(rate)), Duration.ofSeconds(1));
    }

    /**
     * Runs the request once a slot is free, waiting as long as it takes.
     *
     * @throws CancellationException when the thread is interrupted while it waits; the request was not run
     */
    <T> T call(Supplier<T> request) {
        acquire();
        try {
            return request.get();
        } finally {
            release();
        }
    }

    private void acquire() {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                while (!recentEnds.isEmpty() && now - recentEnds.peekFirst() >= windowNanos) {
                    recentEnds.pollFirst();
                }
                if (inFlight + recentEnds.size() < limit) {
                    inFlight++;
                    return;
                }
                if (recentEnds.isEmpty()) {
                    // Every slot is held by a request in flight: wait for one to end.
                    slotsChanged.await();
                } else {
                    slotsChanged.await(windowNanos - (now - recentEnds.peekFirst()), TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for the API rate limit");
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        lock.lock();
        try {
            inFlight--;
            recentEnds.addLast(System.nanoTime());
            slotsChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
