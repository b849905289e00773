package com.mspimporter.onboarding;

import java.net.URI;

/** The form of the API base URL that identifies an API in the registry and in idempotency keys. */
public final class ApiIdentity {

    private ApiIdentity() {
    }

    /** Returns the base URL without a trailing slash, or {@code "none"} when it is not set (dry runs). */
    public static String of(URI baseUrl) {
        if (baseUrl == null) {
            return "none";
        }
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
