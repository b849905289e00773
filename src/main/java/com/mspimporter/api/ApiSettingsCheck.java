package com.mspimporter.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import com.mspimporter.config.ImporterProperties;

/**
 * Checks, before a run that calls the API, that the API settings are usable. Dry runs and
 * {@code --help} skip it, so neither needs a base URL or key.
 */
public class ApiSettingsCheck {

    private final ImporterProperties.Api settings;

    public ApiSettingsCheck(ImporterProperties.Api settings) {
        this.settings = settings;
    }

    /**
     * Checks the settings as {@link #checkReady()} does.
     *
     * @throws IllegalStateException naming the setting to fix
     */
    public static void check(ImporterProperties.Api settings) {
        new ApiSettingsCheck(settings).checkReady();
    }

    /**
     * Checks that the base URL is set, is HTTPS unless it points at this machine or plain HTTP is
     * allowed, has a valid port and no query, fragment, user or path above the root, and that the key is set.
     *
     * @throws IllegalStateException naming the setting to fix
     */
    public void checkReady() {
        URI baseUrl = settings.baseUrl();
        if (baseUrl == null) {
            throw new IllegalStateException("The API base URL is missing, so set importer.api.base-url.");
        }
        // checked first, because the messages below quote the URL, which must not show a password
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalStateException("importer.api.base-url must not contain a user, a query or a fragment,"
                    + " so give only the scheme, host, port and path, such as https://api.example.com/v1.");
        }
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (baseUrl.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalStateException("importer.api.base-url must be an http or https URL with a host, such as "
                    + "https://api.example.com, but is " + baseUrl + ".");
        }
        if (baseUrl.getPort() > 65535) {
            throw new IllegalStateException("importer.api.base-url has port " + baseUrl.getPort()
                    + ", but a port is at most 65535.");
        }
        String path = baseUrl.normalize().getRawPath();
        if (path != null && (path.equals("/..") || path.startsWith("/../"))) {
            throw new IllegalStateException("importer.api.base-url has a path that leaves the root with '..': "
                    + baseUrl + ".");
        }
        if (scheme.equals("http") && !settings.allowInsecureHttp() && !isLoopback(baseUrl.getHost())) {
            throw new IllegalStateException("importer.api.base-url must use https unless the host is this machine "
                    + "or importer.api.allow-insecure-http=true permits sending the key over plain HTTP.");
        }
        if (settings.key() == null || settings.key().isBlank()) {
            throw new IllegalStateException("The API key is missing, so set IMPORTER_API_KEY or importer.api.key.");
        }
    }

    /**
     * Returns whether the host is {@code localhost} or a loopback address literal (127.0.0.0/8, ::1).
     * Names other than {@code localhost} are not resolved, so a DNS response cannot make a host count as local.
     */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals("localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+") && !name.contains(":")) {
            return false;
        }
        try {
            // An address literal is parsed without any lookup.
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException ex) {
            return false;
        }
    }
}
