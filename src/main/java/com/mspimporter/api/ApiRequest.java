package com.mspimporter.api;

import java.util.List;
import java.util.Map;

/**
 * One POST to the platform API.
 *
 * @param pathTemplate the path below the base URL, with {@code {name}} placeholders
 * @param pathVariables the values for the placeholders, in order; they are percent-encoded
 * @param headers headers besides the key and content negotiation, such as {@code Idempotency-Key}
 * @param body the JSON body; it may hold key material
 */
record ApiRequest(String pathTemplate, List<String> pathVariables, Map<String, String> headers, byte[] body) {

    ApiRequest {
        pathVariables = List.copyOf(pathVariables);
        headers = Map.copyOf(headers);
    }

    /** Prints the path template only: header values and the body may be secret. */
    @Override
    public String toString() {
        return "ApiRequest[POST " + pathTemplate + "]";
    }
}
