package com.mspimporter.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mspimporter.cli.CommandLine;
import com.mspimporter.cli.Main;
import com.mspimporter.standin.StandInApi;

/**
 * A folder for input files, a job database inside it and a stand-in API: runs the importer in process the way
 * the command line does, with retry waits short enough for tests.
 */
final class ImportFixture implements AutoCloseable {

    /** The header of an input file with every column, in the documented order. */
    static final String HEADER = "customer_name,customer_id,integration_type,integration_name,aws_role_arn,"
            + "aws_account_type,aws_cur_config_type,gcp_project_id,gcp_billing_dataset,gcp_billing_table,"
            + "gcp_service_account_key_file,user_emails,user_role\n";

    /** A service-account key file whose private key is fake. */
    static final String KEY_JSON = """
            {"type": "service_account", "project_id": "fern-billing-01", "private_key_id": "0a1b2c3d",
             "private_key": "-----BEGIN PRIVATE KEY-----\\nFAKE-TEST-KEY-NOT-REAL\\n-----END PRIVATE KEY-----\\n",
             "client_email": "reader@fern-billing-01.iam.gserviceaccount.com", "client_id": "1234567890"}
            """;

    private final Path folder;
    private final StandInApi api;

    ImportFixture(Path folder) {
        this(folder, StandInApi.start());
    }

    ImportFixture(Path folder, StandInApi api) {
        this.folder = folder;
        this.api = api;
    }

    StandInApi api() {
        return api;
    }

    Path folder() {
        return folder;
    }

    /** Returns the H2 file database of the job, without the {@code .mv.db} suffix that H2 adds. */
    Path database() {
        return folder.resolve("jobdb");
    }

    /** Writes a file into the folder, UTF-8 without a byte-order mark. */
    Path write(String fileName, String content) {
        try {
            Path file = folder.resolve(fileName);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the importer on a file with the fixture's API, key and database, and returns the exit code. */
    int run(Path csv, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--input=" + csv,
                "--importer.api.base-url=" + api.baseUrl(),
                "--importer.api.key=" + api.apiKey(),
                "--spring.datasource.url=jdbc:h2:file:" + database(),
                "--importer.retry.initial-wait=10ms",
                "--importer.retry.max-wait=50ms"));
        arguments.addAll(List.of(extraArguments));
        return Main.run(arguments.toArray(String[]::new));
    }

    /** Returns the results file that a run of this input writes by default. */
    Path resultsFileOf(Path csv) {
        return CommandLine.defaultResultsFile(csv);
    }

    ResultsFile resultsOf(Path csv) {
        return ResultsFile.read(resultsFileOf(csv));
    }

    @Override
    public void close() {
        api.close();
    }
}
