package com.mspimporter.standin;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Factory of the stand-in's JSON responses, which have an object body and {@code Content-Type: application/json}. */
final class JsonResponses {

    /** Thread-safe once built, so every request shares it. */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonResponses() {
    }

    static ResponseDefinition json(int status, JsonNode body) {
        return builder(status, body).build();
    }

    static ResponseDefinitionBuilder builder(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(MAPPER.writeValueAsString(body));
    }

    /** Returns an error response whose body is {@code {"message": ...}}, the shape the platform uses. */
    static ResponseDefinition error(int status, String message) {
        return json(status, message(message));
    }

    static ObjectNode message(String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("message", message);
        return body;
    }
}
