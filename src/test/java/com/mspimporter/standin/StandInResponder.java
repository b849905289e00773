package com.mspimporter.standin;

import java.util.Locale;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Transformer that computes the responses of the built-in stubs. It checks the API key and the content
 * type, parses the body and passes it to {@link EndpointResponses}. A stub names its endpoint with the
 * {@value #ENDPOINT_PARAMETER} transformer parameter. The transformer keeps no per-request state, so
 * concurrent requests are safe.
 */
final class StandInResponder implements ResponseDefinitionTransformerV2 {

    static final String NAME = "msp-stand-in";
    static final String ENDPOINT_PARAMETER = "endpoint";

    private final String apiKey;
    private final EndpointResponses responses;

    StandInResponder(String apiKey, EndpointResponses responses) {
        this.apiKey = apiKey;
        this.responses = responses;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Applies only to the stubs that name this transformer, so that extra stubs respond as written. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        if (!apiKey.equals(headerValue(request, "X-API-Key"))) {
            return JsonResponses.error(401, "Invalid API key");
        }

        Endpoint endpoint = endpointOf(serveEvent.getTransformerParameters());
        if (endpoint == null) {
            String path = RequestTally.pathOf(request.getUrl());
            return JsonResponses.error(404, "No such endpoint: " + request.getMethod() + " " + path);
        }
        if (!isJson(headerValue(request, "Content-Type"))) {
            return JsonResponses.error(415, "Content-Type must be application/json");
        }

        try {
            return responses.respond(endpoint, request, parseObject(request.getBodyAsString()));
        } catch (InvalidRequestException e) {
            return JsonResponses.error(400, e.getMessage());
        }
    }

    private static Endpoint endpointOf(Parameters parameters) {
        if (parameters == null || !parameters.containsKey(ENDPOINT_PARAMETER)) {
            return null;
        }
        return Endpoint.valueOf(parameters.getString(ENDPOINT_PARAMETER));
    }

    private static String headerValue(LoggedRequest request, String name) {
        HttpHeader header = request.header(name);
        return header.isPresent() ? header.firstValue() : null;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    private static JsonNode parseObject(String body) {
        JsonNode node;
        try {
            node = JsonResponses.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException("The request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object");
        }
        return node;
    }
}
