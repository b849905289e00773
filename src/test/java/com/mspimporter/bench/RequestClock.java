package com.mspimporter.bench;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;

/**
 * WireMock request listener that records when the server received its first and its last request.
 *
 * <p>WireMock 3 calls request listeners once the response is built and before it applies a fixed
 * delay, so both times are arrival times: the last response leaves about one latency after the
 * last arrival. Safe for concurrent requests.
 */
final class RequestClock implements RequestListener {

    private final AtomicLong firstMicros = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastMicros = new AtomicLong(Long.MIN_VALUE);
    private final LongAdder requests = new LongAdder();

    @Override
    public void requestReceived(Request request, Response response) {
        long now = epochMicros(Instant.now());
        firstMicros.accumulateAndGet(now, Math::min);
        lastMicros.accumulateAndGet(now, Math::max);
        requests.increment();
    }

    /** Returns the arrival time of the first request, or empty when none arrived. */
    Optional<Instant> first() {
        long micros = firstMicros.get();
        return micros == Long.MAX_VALUE ? Optional.empty() : Optional.of(instantOf(micros));
    }

    /** Returns the arrival time of the last request, or empty when none arrived. */
    Optional<Instant> last() {
        long micros = lastMicros.get();
        return micros == Long.MIN_VALUE ? Optional.empty() : Optional.of(instantOf(micros));
    }

    long requestCount() {
        return requests.sum();
    }

    private static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static Instant instantOf(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }
}
