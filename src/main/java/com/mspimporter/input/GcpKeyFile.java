package com.mspimporter.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Google Cloud service-account key file and checks that it is one.
 *
 * <p>The validator calls it to check a row's key file, and the onboarding step calls it again when
 * it creates the integration, so that the key is read only when it is sent and the same rules
 * hold then. A key file is a regular file of at most 64 KiB holding a JSON object whose
 * {@code type} is {@code service_account} and whose {@code project_id}, {@code private_key} and
 * {@code client_email} are non-empty strings. Symbolic links are followed.
 *
 * <p>Errors never quote the file's content: JSON syntax errors give only the line and column,
 * because a parser's own message can contain the text it choked on.
 */
public final class GcpKeyFile {

    /** Maximum size of a key file, in bytes; a real service-account key is a few kilobytes. */
    public static final long MAX_SIZE = 64 * 1024;

    static final String SERVICE_ACCOUNT_TYPE = "service_account";
    static final List<String> REQUIRED_FIELDS = List.of("project_id", "private_key", "client_email");

    private static final JsonMapper MAPPER = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> OBJECT_TYPE = new TypeReference<>() {
    };

    private GcpKeyFile() {
    }

    /**
     * Reads and checks a key file.
     *
     * @return the key's JSON object, field by field; it contains the private key, so never log it
     * @throws InvalidKeyFileException when the file is missing, unreadable, too large or not a
     *         service-account key
     */
    public static Map<String, Object> read(Path file) {
        JsonNode key = parse(file, readBytes(file));
        checkServiceAccount(file, key);
        return MAPPER.convertValue(key, OBJECT_TYPE);
    }

    /**
     * Reads and checks a key file named by a row, after checking that it is still inside the folder
     * of the CSV file, as {@link RowValidator} requires.
     *
     * @param csvFolder the folder of the CSV file
     * @param keyFile the key file, absolute or relative to {@code csvFolder}
     * @return the key's JSON object, field by field; it contains the private key, so never log it
     * @throws InvalidKeyFileException when the file is outside the folder, missing, unreadable, too
     *         large or not a service-account key
     */
    public static Map<String, Object> readInFolder(Path csvFolder, Path keyFile) {
        return read(KeyFileLocation.resolve(csvFolder, keyFile.toString()));
    }

    private static byte[] readBytes(Path file) {
        try {
            Path real = file.toRealPath();
            if (!Files.isRegularFile(real)) {
                throw new InvalidKeyFileException(file, "is not a regular file");
            }
            if (Files.size(real) > MAX_SIZE) {
                throw tooLarge(file);
            }
            byte[] content = Files.readAllBytes(real);
            // The file may have grown between the two calls.
            if (content.length > MAX_SIZE) {
                throw tooLarge(file);
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new InvalidKeyFileException(file, "is not found");
        } catch (IOException e) {
            throw new InvalidKeyFileException(file, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static InvalidKeyFileException tooLarge(Path file) {
        return new InvalidKeyFileException(file, "is larger than 64 KiB, which no service-account key is");
    }

    private static JsonNode parse(Path file, byte[] content) {
        JsonNode key;
        try {
            key = MAPPER.readTree(content);
        } catch (JacksonException e) {
            // The parser's message is left out on purpose: it can quote the key's text.
            throw new InvalidKeyFileException(file, "is not valid JSON" + where(e.getLocation()));
        }
        if (key == null || key.isMissingNode()) {
            throw new InvalidKeyFileException(file, "is empty");
        }
        if (!key.isObject()) {
            throw new InvalidKeyFileException(file, "does not contain a JSON object");
        }
        return key;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (error at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static void checkServiceAccount(Path file, JsonNode key) {
        JsonNode type = key.get("type");
        if (type == null || !type.isString()) {
            throw new InvalidKeyFileException(file, "has no type field, so it is not a service-account key");
        }
        if (!SERVICE_ACCOUNT_TYPE.equals(type.stringValue())) {
            // The value is not quoted: nothing read from a key file goes into a message.
            throw new InvalidKeyFileException(file, "is not a service-account key: its type field is not '"
                    + SERVICE_ACCOUNT_TYPE + "'");
        }
        List<String> missing = new ArrayList<>();
        for (String field : REQUIRED_FIELDS) {
            JsonNode value = key.get(field);
            if (value == null || !value.isString() || value.stringValue().isBlank()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            String fields = String.join(", ", missing);
            String lacks = missing.size() == 1 ? "lacks a non-empty " + fields + " field" : "lacks non-empty "
                    + fields + " fields";
            throw new InvalidKeyFileException(file, lacks + ", which every service-account key has");
        }
    }
}
