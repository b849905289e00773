package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Messages of the API as the importer keeps them: one line, short, and without key material. */
class ResponseReaderTest {

    private static final String KEY_LINE = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";

    private final ResponseReader reader = new ResponseReader();

    @Test
    void echoedPrivateKeyIsReplaced() {
        String body = "{\"message\":\"invalid private_key -----BEGIN PRIVATE KEY-----\\nKEY-CANARY-DO-NOT-LOG\\n"
                + KEY_LINE + "\\n-----END PRIVATE KEY-----\\n in key file\"}";

        String message = reader.errorMessage(json(body)).orElseThrow();

        assertThat(message).isEqualTo("invalid private_key [private key] in key file");
    }

    @Test
    void truncatedPrivateKeyIsReplaced() {
        String message = reader.errorMessage(json("{\"message\":\"bad key -----BEGIN RSA PRIVATE KEY-----\\n"
                + "KEY-CANARY-DO-NOT-LOG\"}")).orElseThrow();

        assertThat(message).isEqualTo("bad key [private key]");
    }

    @Test
    void keyLineWithoutItsHeaderIsReplaced() {
        String message = reader.errorMessage(json("{\"detail\":\"cannot parse " + KEY_LINE + "\"}")).orElseThrow();

        assertThat(message).isEqualTo("cannot parse [key material]");
    }

    @Test
    void ordinaryMessageIsKept() {
        String message = reader.errorMessage(json("{\"message\":\"Customer 3f2c9a7e-51d4-4c1b-9a0e-7b1f0d2c4e6a "
                + "has no integration named aws-main\"}")).orElseThrow();

        assertThat(message)
                .isEqualTo("Customer 3f2c9a7e-51d4-4c1b-9a0e-7b1f0d2c4e6a has no integration named aws-main");
    }

    @Test
    void roleNameIsKept() {
        String message = reader.errorMessage(json("{\"message\":\"Cannot assume arn:aws:iam::123456789012:role/"
                + "MspFinOpsCostAndUsageReportReaderRole\"}")).orElseThrow();

        assertThat(message)
                .isEqualTo("Cannot assume arn:aws:iam::123456789012:role/MspFinOpsCostAndUsageReportReaderRole");
    }

    @Test
    void failedUserReasonLosesKeyMaterialToo() {
        UsersAdded users = reader.usersAdded(json("{\"data\":{\"added_users\":[],\"failed_users\":[{\"email\":"
                + "\"a@example.com\",\"reason\":\"token " + KEY_LINE + " expired\"}]}}"));

        assertThat(users.failed()).extracting(UsersAdded.FailedUser::reason)
                .containsExactly("token [key material] expired");
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
