package com.mspimporter.standin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Responses of the four calls, shaped like the platform's, with new ids on every call and the
 * request's names and emails echoed back. Some names and emails trigger the failures that
 * {@link StandInApi} lists.
 */
final class EndpointResponses {

    static final String TENANT_HEADER = "X-Wiv-Impersonated-Tenant-Id";

    private static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final CustomerDirectory customers;
    private final Clock clock;

    EndpointResponses(CustomerDirectory customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Builds the response of one call.
     *
     * @throws InvalidRequestException when a required field or header is missing or invalid
     */
    ResponseDefinition respond(Endpoint endpoint, LoggedRequest request, JsonNode body) {
        return switch (endpoint) {
            case CREATE_CUSTOMER -> createCustomer(body);
            case ONBOARDING_LINK -> createOnboardingLink(request, body);
            case CREATE_INTEGRATION -> createIntegration(customerIdInPath(request), body);
            case ADD_USERS -> addUsers(customerIdInPath(request), body);
        };
    }

    private ResponseDefinition createCustomer(JsonNode body) {
        String name = requiredText(body, "name");
        if (name.contains("Rejected")) {
            return JsonResponses.error(400, "Customer name is not allowed");
        }
        if (name.contains("Flaky") && customers.isFirstRequestFor(name)) {
            return JsonResponses.builder(503, JsonResponses.message("Service temporarily unavailable"))
                    .withHeader("Retry-After", "1")
                    .build();
        }

        ObjectNode response = JsonResponses.MAPPER.createObjectNode();
        ObjectNode data = response.putObject("data");
        data.put("name", name);
        data.put("customer_id", customers.create(name.strip()));
        return JsonResponses.json(200, response);
    }

    private ResponseDefinition createOnboardingLink(LoggedRequest request, JsonNode body) {
        HttpHeader tenant = request.header(TENANT_HEADER);
        if (!tenant.isPresent() || tenant.firstValue().isBlank()) {
            throw new InvalidRequestException("Header " + TENANT_HEADER + " is missing");
        }
        requiredText(body, "account_type");
        requiredText(body, "cur_config_type");

        String externalId = UUID.randomUUID().toString();
        // the template address is never fetched, so it lives under a reserved example domain
        String templateUrl = "https://templates.example.com/msp-onboarding/" + externalId + ".yaml";
        String consoleUrl = "https://console.aws.amazon.com/cloudformation/home?region=us-east-1"
                + "#/stacks/create/review?templateURL=" + URLEncoder.encode(templateUrl, StandardCharsets.UTF_8)
                + "&stackName=FinOpsAccess&param_ExternalId=" + externalId;

        ObjectNode response = JsonResponses.MAPPER.createObjectNode();
        ObjectNode data = response.putObject("data");
        data.put("cloudformation_url", consoleUrl);
        data.put("pre_signed_url", templateUrl);
        data.put("external_id", externalId);
        response.put("message", "Onboarding link generated.");
        return JsonResponses.json(200, response);
    }

    private ResponseDefinition createIntegration(String customerId, JsonNode body) {
        String type = requiredText(body, "type");
        String name = requiredText(body, "name");
        checkSecret(type, body.path("integration_secret"));
        if (name.contains("Duplicate")) {
            return JsonResponses.error(409, "An integration with this name already exists");
        }

        ObjectNode response = JsonResponses.MAPPER.createObjectNode();
        ObjectNode data = response.putObject("data");
        data.put("customer_id", customerId);
        ObjectNode integration = data.putObject("customer_integration");
        integration.put("integration_id", UUID.randomUUID().toString());
        integration.put("name", name);
        integration.put("type", type);
        integration.put("mode", "STANDARD");
        integration.put("timestamp", TIMESTAMP_FORMAT.format(clock.instant()));
        data.put("customer_name", customers.nameOf(customerId).orElse(null));
        return JsonResponses.json(200, response);
    }

    private static void checkSecret(String type, JsonNode secret) {
        if (!secret.isObject()) {
            throw new InvalidRequestException("Field integration_secret is missing or not an object");
        }
        switch (type) {
            case "AWS" -> {
                requiredText(secret, "role_arn");
                requiredText(secret, "external_id");
            }
            case "GCP" -> {
                requiredText(secret, "project_id");
                requiredText(secret, "billing_dataset_name");
                requiredText(secret, "billing_table_name");
                if (!secret.path("service_account_key_file").isObject()) {
                    throw new InvalidRequestException(
                            "Field service_account_key_file is missing or not the key's JSON object");
                }
            }
            default -> throw new InvalidRequestException("Invalid integration type " + type + ": expected AWS or GCP");
        }
    }

    private ResponseDefinition addUsers(String customerId, JsonNode body) {
        JsonNode emails = body.path("user_emails");
        if (!emails.isArray() || emails.isEmpty()) {
            throw new InvalidRequestException("Field user_emails is missing or not a non-empty list");
        }
        String role = requiredText(body, "role");

        ObjectNode response = JsonResponses.MAPPER.createObjectNode();
        ObjectNode data = response.putObject("data");
        ArrayNode added = data.putArray("added_users");
        ArrayNode failed = data.putArray("failed_users");
        for (JsonNode email : emails) {
            if (!email.isString()) {
                throw new InvalidRequestException("Field user_emails contains a value that is not a string");
            }
            addUser(email.stringValue(), role, added, failed);
        }
        ObjectNode summary = data.putObject("summary");
        summary.put("failed", failed.size());
        summary.put("successfully_added", added.size());
        summary.put("total_requested", emails.size());
        data.put("customer_id", customerId);
        data.put("customer_name", customers.nameOf(customerId).orElse(null));
        return JsonResponses.json(200, response);
    }

    private static void addUser(String email, String role, ArrayNode added, ArrayNode failed) {
        int at = email.lastIndexOf('@');
        String failure = null;
        if (at <= 0 || at == email.length() - 1) {
            failure = "Invalid email address";
        } else if (email.substring(0, at).toLowerCase(Locale.ROOT).startsWith("unknown")) {
            failure = "User not found";
        }

        if (failure != null) {
            ObjectNode user = failed.addObject();
            user.put("email", email);
            user.put("reason", failure);
        } else {
            ObjectNode user = added.addObject();
            user.put("email", email);
            user.put("role", role);
            user.put("user_id", UUID.randomUUID().toString());
        }
    }

    private static String customerIdInPath(LoggedRequest request) {
        // the stub's path pattern guarantees /msp/customers/{customer_id}/..., so the id is at index 3
        return RequestTally.pathOf(request.getUrl()).split("/")[3];
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new InvalidRequestException("Field " + field + " is missing or empty");
        }
        return value.stringValue();
    }
}
