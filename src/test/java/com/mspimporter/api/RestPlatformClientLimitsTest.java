package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** The circuit breaker that stops a run when the API keeps failing, and the rate limiter. */
class RestPlatformClientLimitsTest extends ApiStandIn {

    @Test
    void breakerOpensAfterFailureRateAndStopsSending() {
        respond(LINK, json(500, "{}"));
        RestPlatformClient client = client(settings -> {
            settings.window = 4;
            settings.maxAttempts = 1;
        });
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> requestLink(client, new RequestCounter()))
                    .isInstanceOf(TransientFailureException.class);
        }
        RequestCounter counter = new RequestCounter();

        assertThatThrownBy(() -> requestLink(client, counter))
                .isInstanceOf(ApiUnavailableException.class)
                .hasMessage("Requesting the onboarding link was not sent because the circuit breaker opened after "
                        + "at least 50% of the last 4 requests failed.");
        assertThat(client.isCircuitOpen()).isTrue();
        assertThat(requestsTo(LINK)).isEqualTo(4);
        assertThat(counter.sent()).isZero();
    }

    @Test
    void breakerStaysClosedBelowFailureRate() {
        respondInTurn(LINK, json(503, "{}"), ok(LINK_RESPONSE), ok(LINK_RESPONSE), ok(LINK_RESPONSE));
        RestPlatformClient client = client(settings -> {
            settings.window = 4;
            settings.failureRate = 50;
            settings.maxAttempts = 1;
        });

        assertThatThrownBy(() -> requestLink(client, new RequestCounter()))
                .isInstanceOf(TransientFailureException.class);
        for (int i = 0; i < 4; i++) {
            requestLink(client, new RequestCounter());
        }

        assertThat(client.isCircuitOpen()).isFalse();
    }

    @Test
    void breakerOpensDuringRetries() {
        respond(USERS, json(503, "{}"));
        RestPlatformClient client = client(settings -> {
            settings.window = 4;
            settings.maxAttempts = 6;
        });
        RequestCounter counter = new RequestCounter();

        assertThatThrownBy(() -> client.addUsers("c-1", List.of("a@example.com"), "MSP-Admin", counter))
                .isInstanceOf(ApiUnavailableException.class);
        assertThat(requestsTo(USERS)).isEqualTo(4);
        assertThat(counter.sent()).isEqualTo(4);
    }

    @Test
    void clientErrorsDoNotOpenBreaker() {
        respond(USERS, json(400, "{\"message\":\"bad email\"}"));
        respond(LINK, ok(LINK_RESPONSE));
        RestPlatformClient client = client(settings -> settings.window = 4);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> client.addUsers("c-1", List.of("x"), "MSP-Admin", new RequestCounter()))
                    .isInstanceOf(CallRejectedException.class);
        }

        OnboardingLink link = requestLink(client, new RequestCounter());

        assertThat(client.isCircuitOpen()).isFalse();
        assertThat(link.externalId()).isEqualTo("ext-9");
    }

    @Test
    void lostCreateInDoubtWhenBreakerOpens() {
        respond(CUSTOMERS, json(500, "{}"));
        RestPlatformClient client = client(settings -> {
            settings.window = 2;
            settings.maxAttempts = 5;
            settings.resendInDoubt = true;
        });

        assertThatThrownBy(() -> client.createCustomer("Acme", "idem-1", new RequestCounter()))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(requestsTo(CUSTOMERS)).isEqualTo(2);
        assertThat(client.isCircuitOpen()).isTrue();
    }

    @Test
    void rateLimitHoldsOverAnySlidingSecond() throws Exception {
        respond(LINK, ok(LINK_RESPONSE));
        RestPlatformClient client = client(settings -> settings.rateLimitPerSecond = 20.0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<OnboardingLink>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add(pool.submit(() -> requestLink(client, new RequestCounter())));
            }
            for (Future<OnboardingLink> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> received = server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .map(request -> request.getLoggedDate().getTime())
                .sorted()
                .toList();
        assertThat(received).hasSize(60);
        assertThat(busiestSecond(received)).isLessThanOrEqualTo(20);
    }

    /** Returns the most requests received within any one second, starting the window at each request. */
    private static int busiestSecond(List<Long> sortedMillis) {
        int busiest = 0;
        for (int first = 0; first < sortedMillis.size(); first++) {
            int last = first;
            while (last + 1 < sortedMillis.size() && sortedMillis.get(last + 1) < sortedMillis.get(first) + 1000) {
                last++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }

    private static OnboardingLink requestLink(RestPlatformClient client, RequestCounter counter) {
        return client.createOnboardingLink("c-1", "payer", "cur", counter);
    }
}
