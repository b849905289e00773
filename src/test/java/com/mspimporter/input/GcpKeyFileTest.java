package com.mspimporter.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpKeyFileTest {

    @TempDir
    Path folder;

    private InvalidKeyFileException rejection(String content) {
        Path file = KeyFiles.write(folder, "key.json", content);
        return catchThrowableOfType(InvalidKeyFileException.class, () -> GcpKeyFile.read(file));
    }

    @Test
    void validKeyIsReturnedFieldByField() {
        Map<String, Object> key = GcpKeyFile.read(KeyFiles.write(folder, "key.json", KeyFiles.VALID));

        assertThat(key).containsEntry("type", "service_account")
                .containsEntry("project_id", "billing-reader-01")
                .containsEntry("private_key_id", "0123abcd")
                .containsEntry("client_email", "reader@billing-reader-01.iam.gserviceaccount.com")
                .hasSize(5);
        assertThat((String) key.get("private_key")).contains(KeyFiles.CANARY);
    }

    @Test
    void missingFileIsNamed() {
        Path file = folder.resolve("absent.json");

        InvalidKeyFileException error =
                catchThrowableOfType(InvalidKeyFileException.class, () -> GcpKeyFile.read(file));

        assertThat(error).hasMessage("The service-account key file " + file + " is not found.");
        assertThat(error.reason()).isEqualTo("is not found");
    }

    @Test
    void folderIsNotRegularFile() {
        InvalidKeyFileException error =
                catchThrowableOfType(InvalidKeyFileException.class, () -> GcpKeyFile.read(folder));

        assertThat(error.reason()).isEqualTo("is not a regular file");
    }

    @Test
    void fileOverSixtyFourKibIsRejected() {
        String padded = KeyFiles.VALID.replace("}", ",\"padding\":\"" + "x".repeat(64 * 1024) + "\"}");

        assertThat(rejection(padded).reason()).isEqualTo("is larger than 64 KiB, which no service-account key is");
    }

    @Test
    void fileOfExactlySixtyFourKibIsRead() {
        String start = KeyFiles.VALID.replace("}", ",\"padding\":\"");
        String padded = start + "x".repeat(64 * 1024 - start.length() - 2) + "\"}";

        assertThat(padded).hasSize(64 * 1024);
        assertThat(GcpKeyFile.read(KeyFiles.write(folder, "key.json", padded))).containsKey("padding");
    }

    @Test
    void invalidJsonHidesContent() {
        InvalidKeyFileException error =
                rejection("{\"type\":\"service_account\",\n\"private_key\": SECRETWORD-" + KeyFiles.CANARY + "}");

        assertThat(error.reason()).isEqualTo("is not valid JSON (error at line 2, column 16)");
        assertThat(error).hasMessageNotContaining("SECRETWORD").hasMessageNotContaining(KeyFiles.CANARY);
        assertThat(error.getCause()).isNull();
    }

    @Test
    void truncatedJsonIsInvalid() {
        InvalidKeyFileException error = rejection("{\"type\":\"service_account\",\"private_key\":\"" + KeyFiles.CANARY);

        assertThat(error.reason()).startsWith("is not valid JSON");
        assertThat(error).hasMessageNotContaining(KeyFiles.CANARY);
    }

    @Test
    void emptyFileIsRejected() {
        assertThat(rejection("").reason()).isEqualTo("is empty");
    }

    @Test
    void jsonArrayIsNotObject() {
        assertThat(rejection("[\"service_account\"]").reason()).isEqualTo("does not contain a JSON object");
    }

    @Test
    void otherKeyTypeIsRejected() {
        InvalidKeyFileException error = rejection(KeyFiles.VALID.replace("\"service_account\"", "\"authorized_user\""));

        assertThat(error.reason()).isEqualTo("is not a service-account key: its type field is not 'service_account'");
        assertThat(error).hasMessageNotContaining("authorized_user");
    }

    @Test
    void missingTypeIsRejected() {
        assertThat(rejection("{\"project_id\":\"p\"}").reason())
                .isEqualTo("has no type field, so it is not a service-account key");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        InvalidKeyFileException error = rejection(
                "{\"type\":\"service_account\",\"project_id\":\" \",\"private_key\":42,\"client_email\":\"a@b.c\"}");

        assertThat(error.reason()).isEqualTo("lacks non-empty project_id, private_key fields, which every"
                + " service-account key has");
    }

    @Test
    void symbolicLinkIsFollowed() throws IOException {
        Path target = KeyFiles.write(folder, "real/key.json", KeyFiles.VALID);
        Path link = Files.createSymbolicLink(folder.resolve("link.json"), target);

        assertThat(GcpKeyFile.read(link)).containsEntry("project_id", "billing-reader-01");
    }

    @Test
    void readInFolderAcceptsFileInsideFolder() {
        Path file = KeyFiles.write(folder, "drop/keys/key.json", KeyFiles.VALID);

        assertThat(GcpKeyFile.readInFolder(folder.resolve("drop"), file)).containsEntry("type", "service_account");
    }

    @Test
    void readInFolderRejectsLinkLeavingFolder() throws IOException {
        Path outside = KeyFiles.write(folder, "outside.json", KeyFiles.VALID);
        Path link = KeyFiles.write(folder, "drop/placeholder", "").resolveSibling("key.json");
        Files.createSymbolicLink(link, outside);

        InvalidKeyFileException error = catchThrowableOfType(InvalidKeyFileException.class,
                () -> GcpKeyFile.readInFolder(folder.resolve("drop"), link));

        assertThat(error).hasMessage("The service-account key file " + link + " is a symbolic link to a file outside "
                + folder.resolve("drop") + ", the folder of the CSV file.");
    }
}
