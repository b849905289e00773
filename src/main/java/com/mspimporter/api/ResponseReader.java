package com.mspimporter.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON responses of the four calls, keeping only the values the importer needs.
 * A response that does not follow the API's contract raises {@link UnreadableResponseException}
 * with a short reason that names the field, never the body.
 */
final class ResponseReader {

    private static final int MAX_TEXT_LENGTH = 100;
    /** A private key in PEM form, up to its end line, or to the end of the text when the API cut it off. */
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", Pattern.DOTALL);
    /**
     * A run of base64 as long as a line of key material, with digits and letters of both cases as random key
     * material has, which no message for a person needs. A path such as an IAM role name has no digits, so it stays.
     */
    private static final Pattern BASE64_RUN = Pattern.compile(
            "(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])"
                    + "[A-Za-z0-9+/]{40,}={0,2}");

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    CustomerCreated customerCreated(byte[] body) {
        JsonNode data = data(body);
        return new CustomerCreated(id(data, "customer_id", "data.customer_id"));
    }

    OnboardingLink onboardingLink(byte[] body) {
        JsonNode data = data(body);
        String externalId = id(data, "external_id", "data.external_id");
        String url = text(data, "cloudformation_url", "data.cloudformation_url");
        return new OnboardingLink(externalId, url);
    }

    String integrationId(byte[] body) {
        JsonNode integration = data(body).get("customer_integration");
        if (integration == null || !integration.isObject()) {
            throw new UnreadableResponseException("data.customer_integration is missing or not an object");
        }
        return id(integration, "integration_id", "data.customer_integration.integration_id");
    }

    UsersAdded usersAdded(byte[] body) {
        JsonNode data = data(body);
        JsonNode added = data.get("added_users");
        JsonNode failed = data.get("failed_users");
        if (isAbsent(added) && isAbsent(failed)) {
            throw new UnreadableResponseException("data has neither added_users nor failed_users");
        }
        List<String> addedEmails = new ArrayList<>();
        for (JsonNode user : list(added, "data.added_users")) {
            addedEmails.add(text(user, "email", "data.added_users[].email"));
        }
        List<UsersAdded.FailedUser> failedUsers = new ArrayList<>();
        for (JsonNode user : list(failed, "data.failed_users")) {
            String email = text(user, "email", "data.failed_users[].email");
            JsonNode reason = user.get("reason");
            String reasonText = reason != null && reason.isString() && !reason.stringValue().isBlank()
                    ? shorten(reason.stringValue())
                    : "no reason given";
            failedUsers.add(new UsersAdded.FailedUser(email, reasonText));
        }
        return new UsersAdded(addedEmails, failedUsers);
    }

    /**
     * Returns the {@code message}, {@code detail} or {@code error} string of a JSON error body,
     * shortened to about 100 characters, or empty when the body has none.
     */
    Optional<String> errorMessage(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException ex) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        for (String field : List.of("message", "detail", "error")) {
            JsonNode value = root.get(field);
            if (value != null && value.isString() && !value.stringValue().isBlank()) {
                return Optional.of(shorten(value.stringValue()));
            }
        }
        return Optional.empty();
    }

    private JsonNode data(byte[] body) {
        if (body.length == 0) {
            throw new UnreadableResponseException("the body is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException ex) {
            // The parser's message may quote the body, so it is not kept as a cause.
            throw new UnreadableResponseException("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableResponseException("the body is not a JSON object");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new UnreadableResponseException("data is missing or not an object");
        }
        return data;
    }

    /** Reads an id that later calls put into a URL path or a header. */
    private static String id(JsonNode parent, String field, String path) {
        String value = text(parent, field, path);
        if (!ApiIds.isUsable(value)) {
            throw new UnreadableResponseException(path + " is not a usable id");
        }
        return value;
    }

    private static String text(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (isAbsent(value)) {
            throw new UnreadableResponseException(path + " is missing");
        }
        if (!value.isString()) {
            throw new UnreadableResponseException(path + " is not a string");
        }
        if (value.stringValue().isBlank()) {
            throw new UnreadableResponseException(path + " is empty");
        }
        return value.stringValue();
    }

    private static Iterable<JsonNode> list(JsonNode node, String path) {
        if (isAbsent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new UnreadableResponseException(path + " is not a list");
        }
        for (JsonNode element : node) {
            if (!element.isObject()) {
                throw new UnreadableResponseException(path + " contains an element that is not an object");
            }
        }
        return node;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /**
     * Removes control characters and cuts a text from the API, so that it fits in one results cell. Key material
     * that the API echoes, such as the private key of a GCP key file sent with an integration, is replaced first,
     * because the text goes to the log, the results and the job database.
     */
    static String shorten(String text) {
        String redacted = BASE64_RUN.matcher(PRIVATE_KEY.matcher(text).replaceAll("[private key]"))
                .replaceAll("[key material]");
        String clean = redacted.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").trim();
        if (clean.length() <= MAX_TEXT_LENGTH) {
            return clean;
        }
        return clean.substring(0, MAX_TEXT_LENGTH - 1) + "…";
    }

    /** A 2xx response that does not follow the API's contract; the message is the reason. */
    static final class UnreadableResponseException extends RuntimeException {

        UnreadableResponseException(String reason) {
            super(reason, null, false, false);
        }
    }
}
