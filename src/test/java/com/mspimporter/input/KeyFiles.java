package com.mspimporter.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes fake service-account key files for tests; every private key contains {@link #CANARY}. */
final class KeyFiles {

    static final String CANARY = "FAKE-TEST-KEY-DO-NOT-LOG";

    static final String VALID = "{\"type\":\"service_account\",\"project_id\":\"billing-reader-01\","
            + "\"private_key_id\":\"0123abcd\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n" + CANARY
            + "\\n-----END PRIVATE KEY-----\\n\","
            + "\"client_email\":\"reader@billing-reader-01.iam.gserviceaccount.com\"}";

    private KeyFiles() {
    }

    static Path write(Path folder, String relativePath, String content) {
        try {
            Path file = folder.resolve(relativePath);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
