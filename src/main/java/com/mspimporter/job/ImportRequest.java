package com.mspimporter.job;

import java.nio.file.Path;

/**
 * One file to import.
 *
 * @param input the input CSV
 * @param output where the results file goes
 * @param contentSha256 the hex SHA-256 of the input's content, which identifies the file
 * @param fileId the key of the file's rows in the job database: the content and the API together
 * @param apiBaseUrl the API that the rows are onboarded to
 * @param retryFailed whether {@code FAILED} and {@code PARTIAL} rows of a completed file are tried again
 */
public record ImportRequest(Path input, Path output, String contentSha256, String fileId, String apiBaseUrl,
        boolean retryFailed) {
}
