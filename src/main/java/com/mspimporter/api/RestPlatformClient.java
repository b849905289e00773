package com.mspimporter.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import tools.jackson.databind.json.JsonMapper;

import com.mspimporter.config.ImporterProperties;

/**
 * The {@link PlatformApi} over HTTP, with Apache HttpClient, Resilience4j retries and circuit breaker, and an
 * optional rate limit.
 *
 * <p>Each call is tried up to {@code importer.retry.max-attempts} times. The onboarding-link and
 * add-users calls are retried on every transient failure. A create call is retried only when the
 * failure proves the platform did not act on it, unless {@code importer.retry.resend-in-doubt} is set.
 * Once a response to a create call is lost, the call ends with {@link OutcomeUnknownException}
 * whatever happens next, unless a later try succeeds. Every request that goes out, retries included,
 * counts on the caller's {@link RequestCounter} and in the circuit breaker's window.
 *
 * <p>Instances are thread-safe and keep up to twice {@code importer.concurrency} connections open until closed.
 * The base URL and key are read when a call is made, so a client can be created for a dry run without them.
 * {@link ApiSettingsCheck} validates them before a real run.
 */
public class RestPlatformClient implements PlatformApi, AutoCloseable {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String IMPERSONATION_HEADER = "X-Wiv-Impersonated-Tenant-Id";

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final ResponseReader responses = new ResponseReader();
    private final ApiTransport transport;
    private final AttemptClassifier classifier;
    private final ApiResilience resilience;
    private final CallFailures failures;

    public RestPlatformClient(ImporterProperties settings) {
        this(settings, Clock.systemUTC());
    }

    /** Creates a client whose {@code Retry-After} dates are measured against the given clock. */
    public RestPlatformClient(ImporterProperties settings, Clock clock) {
        ImporterProperties.Api api = settings.api();
        this.transport = new ApiTransport(api, 2 * settings.concurrency());
        this.classifier = new AttemptClassifier(responses, new RetryAfterHeader(clock), api.maxResponseSize());
        this.resilience = new ApiResilience(settings.retry(), settings.circuitBreaker(), settings.rateLimitPerSecond());
        this.failures = new CallFailures(settings.retry().maxRetryAfter(), api.key());
    }

    @Override
    public CustomerCreated createCustomer(String name, String idempotencyKey, RequestCounter counter) {
        requireText(name, "name");
        requireText(idempotencyKey, "idempotencyKey");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        ApiRequest request = new ApiRequest("/msp/customers", List.of(),
                Map.of(IDEMPOTENCY_KEY_HEADER, idempotencyKey), json(body));
        return call(CallKind.CREATE_CUSTOMER, request, responses::customerCreated, counter);
    }

    @Override
    public OnboardingLink createOnboardingLink(String customerId, String accountType, String curConfigType,
            RequestCounter counter) {
        requireId(customerId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_type", accountType);
        body.put("cur_config_type", curConfigType);
        ApiRequest request = new ApiRequest("/onboarding/aws/cloudformation-link", List.of(),
                Map.of(IMPERSONATION_HEADER, customerId), json(body));
        return call(CallKind.ONBOARDING_LINK, request, responses::onboardingLink, counter);
    }

    @Override
    public String createIntegration(String customerId, IntegrationRequest integration, String idempotencyKey,
            RequestCounter counter) {
        requireId(customerId);
        requireText(idempotencyKey, "idempotencyKey");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", integration.type());
        body.put("name", integration.name());
        body.put("integration_secret", integration.secret());
        ApiRequest request = new ApiRequest("/msp/customers/{customerId}/integrations", List.of(customerId),
                Map.of(IDEMPOTENCY_KEY_HEADER, idempotencyKey), json(body));
        return call(CallKind.CREATE_INTEGRATION, request, responses::integrationId, counter);
    }

    @Override
    public UsersAdded addUsers(String customerId, List<String> emails, String role, RequestCounter counter) {
        requireId(customerId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_emails", List.copyOf(emails));
        body.put("role", role);
        ApiRequest request = new ApiRequest("/msp/customers/{customerId}/users", List.of(customerId), Map.of(),
                json(body));
        return call(CallKind.ADD_USERS, request, responses::usersAdded, counter);
    }

    /** Returns whether the circuit breaker has opened: the API as a whole is failing and the run must stop. */
    public boolean isCircuitOpen() {
        return resilience.isCircuitOpen();
    }

    /** Closes the open connections. */
    @Override
    public void close() {
        transport.close();
    }

    private <T> T call(CallKind kind, ApiRequest request, Function<byte[], T> parser, RequestCounter counter) {
        CallTries<T> tries = new CallTries<>();
        Attempt<T> last;
        try {
            last = resilience.execute(kind, () -> {
                counter.increment();
                Attempt<T> attempt = classifier.classify(kind, transport.send(request), parser);
                tries.record(attempt);
                return attempt;
            });
        } catch (CallNotPermittedException ex) {
            throw failures.circuitOpen(kind, tries, resilience.circuitRule(), ex);
        } catch (CancellationException ex) {
            throw failures.interrupted(kind, tries, ex);
        }
        if (last.succeeded()) {
            return last.value();
        }
        throw failures.afterTries(kind, tries);
    }

    private byte[] json(Map<String, Object> body) {
        return mapper.writeValueAsBytes(body);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireId(String customerId) {
        if (!ApiIds.isUsable(customerId)) {
            throw new IllegalArgumentException(
                    "customerId must not be blank, '.', '..' or contain control characters");
        }
    }
}
