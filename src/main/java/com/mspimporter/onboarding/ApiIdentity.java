package com.mspimporter.onboarding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The form of the API base URL that identifies an API in the registry and in idempotency keys. */
public final class ApiIdentity {

    private ApiIdentity() {
    }

    /** Returns the base URL as given, without a trailing slash, or {@code "none"} when it is not set (dry runs). */
    public static String of(URI baseUrl) {
        if (baseUrl == null) {
            return "none";
        }
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Returns an identity with its scheme and host in lower case, without the scheme's default port and with
     * {@code .} and {@code ..} segments resolved, so that two spellings of one URL compare equal. The identity
     * itself stays as given, because the job database keys its records by it.
     */
    public static String canonical(String identity) {
        URI url;
        try {
            url = new URI(identity).normalize();
        }
        catch (URISyntaxException ex) {
            return identity;
        }
        if (url.getScheme() == null || url.getHost() == null) {
            return identity;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = (scheme.equals("http") && url.getPort() == 80)
                || (scheme.equals("https") && url.getPort() == 443);
        String port = url.getPort() == -1 || defaultPort ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String text = scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + port + path;
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
