package com.mspimporter.api;

import java.util.Map;

/**
 * The body of a create-integration call.
 *
 * @param type {@code AWS} or {@code GCP}
 * @param name the integration's name
 * @param secret the {@code integration_secret} object; for GCP it holds the service-account key
 */
public record IntegrationRequest(String type, String name, Map<String, Object> secret) {

    /** Prints the type and name only: the secret may hold key material. */
    @Override
    public String toString() {
        return "IntegrationRequest[type=" + type + ", name=" + name + ", secret=<hidden>]";
    }
}
