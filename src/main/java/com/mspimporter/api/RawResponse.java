package com.mspimporter.api;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * What came back for one HTTP request, before it is interpreted.
 *
 * @param status the HTTP status, or 0 when no response arrived
 * @param retryAfter the raw {@code Retry-After} header, if any
 * @param body the body, or {@code null} when it was larger than the limit or could not be read
 * @param bodyTooLarge whether reading stopped because the body exceeds the configured limit
 * @param failure the I/O failure that kept the response, or its body, from arriving
 */
record RawResponse(
        int status,
        @Nullable String retryAfter,
        byte @Nullable [] body,
        boolean bodyTooLarge,
        @Nullable IOException failure) {

    static RawResponse received(int status, @Nullable String retryAfter, byte[] body) {
        return new RawResponse(status, retryAfter, body, false, null);
    }

    static RawResponse tooLarge(int status, @Nullable String retryAfter) {
        return new RawResponse(status, retryAfter, null, true, null);
    }

    static RawResponse bodyBroken(int status, @Nullable String retryAfter, IOException failure) {
        return new RawResponse(status, retryAfter, null, false, failure);
    }

    static RawResponse noResponse(IOException failure) {
        return new RawResponse(0, null, null, false, failure);
    }

    boolean hasResponse() {
        return status != 0;
    }
}
