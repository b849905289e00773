package com.mspimporter.crash;

import com.mspimporter.standin.Endpoint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request that reached the stand-in API and the response it computed, whether or not the response reached the
 * importer.
 *
 * @param sequence the request's number on this stand-in, the first being 1
 * @param run the importer run that sent it: 0 for the first run, 1 for the first restart, and so on
 * @param path the request path without query
 * @param requestBody the request body
 * @param status the HTTP status of the response
 * @param responseBody the response body
 * @param withheld whether the importer was killed before the response was sent
 */
record ApiExchange(int sequence, int run, String path, String requestBody, int status, String responseBody,
        boolean withheld) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    boolean is(Endpoint endpoint) {
        return endpoint.matches(path);
    }

    boolean isCreate() {
        return is(Endpoint.CREATE_CUSTOMER) || is(Endpoint.CREATE_INTEGRATION);
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /**
     * Tells whether the response proves that the call changed nothing: a 4xx rejection, or 503. Any other response,
     * 2xx and the other 5xx included, may come after the call took effect.
     */
    boolean provesNoEffect() {
        return (status >= 400 && status < 500) || status == 503;
    }

    JsonNode request() {
        return JSON.readTree(requestBody);
    }

    JsonNode response() {
        return responseBody.isEmpty() ? JSON.missingNode() : JSON.readTree(responseBody);
    }

    /** Returns the customer id in the path of an integration or users call. */
    String customerIdInPath() {
        return path.split("/")[3];
    }

    /** Returns a short description for failure messages and the log, without the request body. */
    String describe() {
        return "#" + sequence + " POST " + path + " -> " + status + (withheld ? " (response withheld)" : "");
    }
}
