package com.mspimporter.onboarding;

import java.net.URI;
import java.util.Locale;

/** The form of the API base URL that identifies an API in the registry and in idempotency keys. */
public final class ApiIdentity {

    private ApiIdentity() {
    }

    /**
     * Returns the base URL with its scheme and host in lower case, without the scheme's default port, with
     * {@code .} and {@code ..} segments resolved and without a trailing slash, so that spellings of the same URL
     * name the same API; {@code "none"} when it is not set (dry runs).
     */
    public static String of(URI baseUrl) {
        if (baseUrl == null) {
            return "none";
        }
        URI url = baseUrl.normalize();
        String text = url.toString();
        if (url.getScheme() != null && url.getHost() != null) {
            String scheme = url.getScheme().toLowerCase(Locale.ROOT);
            boolean defaultPort = (scheme.equals("http") && url.getPort() == 80)
                    || (scheme.equals("https") && url.getPort() == 443);
            String port = url.getPort() == -1 || defaultPort ? "" : ":" + url.getPort();
            text = scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + port
                    + (url.getRawPath() == null ? "" : url.getRawPath());
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
