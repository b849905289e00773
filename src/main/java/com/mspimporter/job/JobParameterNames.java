package com.mspimporter.job;

/** Names of the import job's parameters. */
final class JobParameterNames {

    /** Identifying: the SHA-256 of the input's content. */
    static final String CONTENT_SHA256 = "input.sha256";
    /** Identifying: the API that the rows are onboarded to. */
    static final String API_BASE_URL = "api.base-url";
    /** Identifying, only on runs that try the failed rows of a completed file again: when that run started. */
    static final String RETRY_RUN = "retry.run";
    static final String FILE_ID = "file.id";
    static final String INPUT_FILE = "input.file";
    static final String OUTPUT_FILE = "output.file";

    private JobParameterNames() {
    }
}
