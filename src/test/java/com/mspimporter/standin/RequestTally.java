package com.mspimporter.standin;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Counter of the requests that reach the server, whichever stub responds. It counts per endpoint
 * always, and per path only when asked to, because paths that contain a customer id grow with every
 * customer. It works with the request journal switched off, unlike WireMock's own verification.
 */
final class RequestTally implements ServeEventListener {

    private final boolean countsPaths;
    private final Map<String, LongAdder> countsByPath = new ConcurrentHashMap<>();
    private final Map<Endpoint, LongAdder> countsByEndpoint = new EnumMap<>(Endpoint.class);
    private final LongAdder total = new LongAdder();

    RequestTally(boolean countsPaths) {
        this.countsPaths = countsPaths;
        // filled once here and only read afterwards, so concurrent requests may share the EnumMap
        for (Endpoint endpoint : Endpoint.values()) {
            countsByEndpoint.put(endpoint, new LongAdder());
        }
    }

    @Override
    public String getName() {
        return "msp-stand-in-request-tally";
    }

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
        String path = pathOf(serveEvent.getRequest().getUrl());
        total.increment();
        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint.matches(path)) {
                countsByEndpoint.get(endpoint).increment();
            }
        }
        if (countsPaths) {
            countsByPath.computeIfAbsent(path, key -> new LongAdder()).increment();
        }
    }

    long count(String path) {
        requirePathCounts();
        LongAdder adder = countsByPath.get(path);
        return adder == null ? 0 : adder.sum();
    }

    long count(Endpoint endpoint) {
        return countsByEndpoint.get(endpoint).sum();
    }

    long total() {
        return total.sum();
    }

    Map<String, Long> snapshot() {
        requirePathCounts();
        Map<String, Long> counts = new TreeMap<>();
        countsByPath.forEach((path, adder) -> counts.put(path, adder.sum()));
        return counts;
    }

    private void requirePathCounts() {
        if (!countsPaths) {
            throw new IllegalStateException("Request counts per path are not kept without the request journal;"
                    + " use the counts per endpoint instead");
        }
    }

    static String pathOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
