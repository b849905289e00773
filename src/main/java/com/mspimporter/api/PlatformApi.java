package com.mspimporter.api;

import java.util.List;

/**
 * The four calls of the platform API that onboard a customer. Each method retries transient failures
 * as configured and either returns the answer or throws an {@link ApiCallException} that says
 * what the caller should do with the row.
 */
public interface PlatformApi {

    /** Sends {@code POST /msp/customers}. A create call: retried only when the failure proves nothing happened. */
    CustomerCreated createCustomer(String name, String idempotencyKey, RequestCounter counter);

    /** Sends {@code POST /onboarding/aws/cloudformation-link} on behalf of the customer. */
    OnboardingLink createOnboardingLink(String customerId, String accountType, String curConfigType,
            RequestCounter counter);

    /**
     * Sends {@code POST /msp/customers/{id}/integrations} and returns the integration id.
     * A create call: retried only when the failure proves nothing happened.
     */
    String createIntegration(String customerId, IntegrationRequest request, String idempotencyKey,
            RequestCounter counter);

    /** Sends {@code POST /msp/customers/{id}/users}. */
    UsersAdded addUsers(String customerId, List<String> emails, String role, RequestCounter counter);
}
