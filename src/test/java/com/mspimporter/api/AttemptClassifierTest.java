package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.Stream;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

/**
 * How the failures the HTTP client throws are sorted: those that prove the request never reached the API, and
 * those after which it may have acted.
 */
class AttemptClassifierTest {

    private final AttemptClassifier classifier = new AttemptClassifier(new ResponseReader(),
            new RetryAfterHeader(Clock.systemUTC()), DataSize.ofKilobytes(1));

    static Stream<Arguments> failuresWithoutResponse() {
        return Stream.of(
                sorted("refused connection", new HttpHostConnectException("Connection refused"),
                        Outcome.NOT_APPLIED, "the connection to the API failed"),
                sorted("unknown host", new UnknownHostException("api.invalid"),
                        Outcome.NOT_APPLIED, "the connection to the API failed"),
                sorted("connect timeout", connectTimeout(),
                        Outcome.NOT_APPLIED, "connecting to the API timed out"),
                sorted("no pooled connection free", new ConnectionRequestTimeoutException("Timeout deadline"),
                        Outcome.NOT_APPLIED, "no connection to the API became free in time"),
                sorted("read timeout", new SocketTimeoutException("Read timed out"),
                        Outcome.RESPONSE_LOST, "reading the response timed out"),
                sorted("exchange past its deadline", pastDeadline(),
                        Outcome.RESPONSE_LOST, "reading the response timed out"),
                sorted("no response on the connection", new NoHttpResponseException("127.0.0.1:1 failed to respond"),
                        Outcome.RESPONSE_LOST, "the connection broke before the response arrived"),
                sorted("reset connection", new SocketException("Connection reset"),
                        Outcome.RESPONSE_LOST, "the connection broke before the response arrived"));
    }

    private static Arguments sorted(String name, IOException failure, Outcome outcome, String problem) {
        return Arguments.of(Named.of(name, failure), outcome, problem);
    }

    /** Returns a connect timeout caused by the socket's own timeout, the exception a read timeout throws too. */
    private static IOException connectTimeout() {
        ConnectTimeoutException timeout = new ConnectTimeoutException("Connect to 127.0.0.1:1 failed");
        timeout.initCause(new SocketTimeoutException("Connect timed out"));
        return timeout;
    }

    private static IOException pastDeadline() {
        SocketTimeoutException timeout = new SocketTimeoutException("No complete response within 300 ms");
        timeout.initCause(new SocketException("Socket closed"));
        return timeout;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresWithoutResponse")
    void failureWithoutResponseIsSorted(IOException failure, Outcome outcome, String problem) {
        Attempt<String> attempt = classifier.classify(CallKind.CREATE_CUSTOMER, RawResponse.noResponse(failure),
                body -> new String(body, StandardCharsets.UTF_8));

        assertThat(attempt.outcome()).isEqualTo(outcome);
        assertThat(attempt.problem()).isEqualTo(problem);
        assertThat(attempt.status()).isZero();
    }

    static Stream<Arguments> failuresWithinBody() {
        return Stream.of(
                Arguments.of(Named.of("reset connection", new SocketException("Connection reset")),
                        "the HTTP 201 response broke off before its end"),
                Arguments.of(Named.of("chunked body cut short", new ConnectionClosedException("Premature end")),
                        "the HTTP 201 response broke off before its end"),
                Arguments.of(Named.of("exchange past its deadline", pastDeadline()),
                        "reading the HTTP 201 response timed out before its end"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresWithinBody")
    void bodyThatBreaksOffIsLost(IOException failure, String problem) {
        Attempt<String> attempt = classifier.classify(CallKind.CREATE_CUSTOMER,
                RawResponse.bodyBroken(201, null, failure), body -> new String(body, StandardCharsets.UTF_8));

        assertThat(attempt.outcome()).isEqualTo(Outcome.RESPONSE_LOST);
        assertThat(attempt.problem()).isEqualTo(problem);
        assertThat(attempt.status()).isEqualTo(201);
    }
}
