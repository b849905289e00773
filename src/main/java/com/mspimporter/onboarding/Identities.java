package com.mspimporter.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What makes two customers or integrations the same, and the {@code Idempotency-Key} derived from it.
 * Keys are stable across retries, restarts and later files, because they depend only on the API base URL
 * and the names.
 */
public final class Identities {

    private Identities() {
    }

    /** Returns the comparable form of a name: trimmed, inner white space collapsed, Unicode NFC, lower case. */
    public static String nameKey(String name) {
        String collapsed = name.strip().replaceAll("\\s+", " ");
        return Normalizer.normalize(collapsed, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    public static String customerIdempotencyKey(String apiBaseUrl, String customerKey) {
        return "customer-" + sha256(apiBaseUrl, customerKey).substring(0, 40);
    }

    public static String integrationIdempotencyKey(String apiBaseUrl, String customerId, String type,
            String integrationKey) {
        return "integration-" + sha256(apiBaseUrl, customerId, type, integrationKey).substring(0, 40);
    }

    /** Returns the hex SHA-256 of the parts, each followed by a line feed so that parts cannot run together. */
    public static String sha256(String... parts) {
        MessageDigest digest = newDigest();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
    }
}
