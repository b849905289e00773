package com.mspimporter.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Sorts what came back for one request into an {@link Outcome}, parsing a 2xx body with the call's parser.
 * The rules separate statuses and connect failures which show that the platform did not act on the
 * request, lost responses after which it may have acted, and rejections.
 */
final class AttemptClassifier {

    private static final Set<Integer> NOT_APPLIED_STATUSES = Set.of(408, 425, 429, 503);
    private static final Set<Integer> RESPONSE_LOST_STATUSES = Set.of(500, 502, 504);

    private final ResponseReader reader;
    private final RetryAfterHeader retryAfterHeader;
    private final DataSize maxResponseSize;

    AttemptClassifier(ResponseReader reader, RetryAfterHeader retryAfterHeader, DataSize maxResponseSize) {
        this.reader = reader;
        this.retryAfterHeader = retryAfterHeader;
        this.maxResponseSize = maxResponseSize;
    }

    <T> Attempt<T> classify(CallKind kind, RawResponse response, Function<byte[], T> parser) {
        if (!response.hasResponse()) {
            return noResponse(response.failure());
        }
        int status = response.status();
        Duration retryAfter = retryAfterHeader.parse(response.retryAfter());
        if (status >= 200 && status < 300) {
            return successful(response, parser);
        }
        if (NOT_APPLIED_STATUSES.contains(status)) {
            return Attempt.failed(Outcome.NOT_APPLIED, status, statusLine(status), retryAfter, null);
        }
        if (RESPONSE_LOST_STATUSES.contains(status)) {
            return Attempt.failed(Outcome.RESPONSE_LOST, status, statusLine(status), retryAfter, null);
        }
        String rejection = "HTTP " + status + " from the API: " + apiMessage(response);
        if (status == 401 || (status == 403 && kind == CallKind.CREATE_CUSTOMER)) {
            return Attempt.failed(Outcome.KEY_REJECTED, status, rejection, null, null);
        }
        return Attempt.failed(Outcome.REJECTED, status, rejection, null, null);
    }

    private <T> Attempt<T> successful(RawResponse response, Function<byte[], T> parser) {
        int status = response.status();
        if (response.failure() != null) {
            String problem = hasCause(response.failure(), SocketTimeoutException.class)
                    ? "reading the HTTP " + status + " response timed out before its end"
                    : "the HTTP " + status + " response broke off before its end";
            return Attempt.failed(Outcome.RESPONSE_LOST, status, problem, null, response.failure());
        }
        if (response.bodyTooLarge()) {
            String problem = "the HTTP " + status + " response is larger than the " + readable(maxResponseSize)
                    + " limit";
            return Attempt.failed(Outcome.UNREADABLE, status, problem, null, null);
        }
        try {
            return Attempt.succeeded(status, parser.apply(response.body()));
        } catch (ResponseReader.UnreadableResponseException ex) {
            return Attempt.failed(Outcome.UNREADABLE, status,
                    "the HTTP " + status + " response is unusable (" + ex.getMessage() + ")", null, null);
        }
    }

    private static <T> Attempt<T> noResponse(IOException failure) {
        // Apache's connect timeout can carry a SocketTimeoutException as its cause, so it is checked first.
        if (hasCause(failure, ConnectTimeoutException.class)) {
            return Attempt.failed(Outcome.NOT_APPLIED, 0, "connecting to the API timed out", null, failure);
        }
        if (hasCause(failure, ConnectionRequestTimeoutException.class)) {
            return Attempt.failed(Outcome.NOT_APPLIED, 0, "no connection to the API became free in time", null,
                    failure);
        }
        if (hasCause(failure, ConnectException.class) || hasCause(failure, NoRouteToHostException.class)
                || hasCause(failure, UnknownHostException.class)) {
            return Attempt.failed(Outcome.NOT_APPLIED, 0, "the connection to the API failed", null, failure);
        }
        if (hasCause(failure, SocketTimeoutException.class)) {
            return Attempt.failed(Outcome.RESPONSE_LOST, 0, "reading the response timed out", null, failure);
        }
        return Attempt.failed(Outcome.RESPONSE_LOST, 0, "the connection broke before the response arrived", null,
                failure);
    }

    private String apiMessage(RawResponse response) {
        if (response.body() != null) {
            var message = reader.errorMessage(response.body());
            if (message.isPresent()) {
                return message.get();
            }
        }
        return reasonPhrase(response.status());
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "MB";
        }
        if (bytes > 0 && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + "KB";
        }
        return bytes + "B";
    }

    private static String statusLine(int status) {
        return "the API responded with HTTP " + status + " " + reasonPhrase(status);
    }

    private static String reasonPhrase(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "unknown status" : known.getReasonPhrase();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
