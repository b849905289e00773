package com.mspimporter.api;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the HTTP requests sent on behalf of one row, retries included. */
public final class RequestCounter {

    private final AtomicInteger sent = new AtomicInteger();

    public void increment() {
        sent.incrementAndGet();
    }

    public int sent() {
        return sent.get();
    }
}
