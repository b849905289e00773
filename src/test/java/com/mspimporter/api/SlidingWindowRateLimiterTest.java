package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The slots of the rate limiter: held while a request runs and for one window after it ends. */
class SlidingWindowRateLimiterTest {

    private static final Duration WINDOW = Duration.ofMillis(300);

    @Test
    void requestBeyondLimitWaitsWindow() {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(2, WINDOW);
        limiter.call(() -> "first");
        long firstEnded = System.nanoTime();
        limiter.call(() -> "second");

        long thirdStarted = limiter.call(System::nanoTime);

        assertThat(Duration.ofNanos(thirdStarted - firstEnded)).isGreaterThanOrEqualTo(WINDOW);
    }

    @Test
    void requestsWithinLimitDoNotWait() {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(3, Duration.ofSeconds(30));
        long started = System.nanoTime();

        for (int i = 0; i < 3; i++) {
            limiter.call(() -> "request");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void requestInFlightHoldsItsSlot() throws Exception {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(1, WINDOW);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        AtomicLong firstEnded = new AtomicLong();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> limiter.call(() -> {
            firstRunning.countDown();
            await(finishFirst);
            firstEnded.set(System.nanoTime());
            return null;
        }));
        firstRunning.await();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> limiter.call(System::nanoTime));
        Thread.sleep(WINDOW.toMillis() * 2);
        boolean secondRanWhileFirstRunning = second.isDone();

        finishFirst.countDown();
        first.get(5, TimeUnit.SECONDS);
        long secondStarted = second.get(5, TimeUnit.SECONDS);

        assertThat(secondRanWhileFirstRunning).isFalse();
        assertThat(Duration.ofNanos(secondStarted - firstEnded.get())).isGreaterThanOrEqualTo(WINDOW);
    }

    @Test
    void interruptedWaitDoesNotRunRequest() {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(1, Duration.ofMinutes(5));
        limiter.call(() -> "fills the only slot");
        AtomicBoolean ran = new AtomicBoolean();
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> limiter.call(() -> ran.getAndSet(true)))
                .isInstanceOf(CancellationException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(ran).isFalse();
    }

    @Test
    void wholeRateAllowsThatManyPerSecond() {
        SlidingWindowRateLimiter limiter = SlidingWindowRateLimiter.perSecond(4.5);
        for (int i = 0; i < 4; i++) {
            limiter.call(() -> "request");
        }
        long fourthEnded = System.nanoTime();

        long fifthStarted = limiter.call(System::nanoTime);

        assertThat(Duration.ofNanos(fifthStarted - fourthEnded)).isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void rateBelowOnePerSecondSpacesRequests() {
        SlidingWindowRateLimiter limiter = SlidingWindowRateLimiter.perSecond(0.8);
        limiter.call(() -> "first");
        long firstEnded = System.nanoTime();

        long secondStarted = limiter.call(System::nanoTime);

        assertThat(Duration.ofNanos(secondStarted - firstEnded)).isGreaterThanOrEqualTo(Duration.ofMillis(1250));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
