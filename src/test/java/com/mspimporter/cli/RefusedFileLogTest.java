package com.mspimporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.standin.StandInApi;

/** Runs a file that staging refuses halfway and reads what the operator sees on the console. */
class RefusedFileLogTest {

    @TempDir
    Path work;

    @Test
    void nulByteRefusalLogsNoStackTrace() throws IOException {
        Path input = work.resolve("customers.csv");
        Files.writeString(input, "customer_name,user_emails\nGood Ltd,a@example.com\nBad\u0000Ltd,b@example.com\n");
        ConsoleRun run;
        try (StandInApi api = StandInApi.start()) {
            run = ConsoleRun.of("--input=" + input, "--importer.api.base-url=" + api.baseUrl(),
                    "--importer.api.key=" + api.apiKey(),
                    "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobdb"));
        }
        String log = run.output();

        assertThat(run.exitCode()).as("exit code; log:%n%s", log).isEqualTo(2);
        assertThat(log).contains("Line 3 contains a NUL character");
        assertThat(log).as("console log of a refused file").doesNotContain("\tat ");
        assertThat(log).as("console log of a refused file").doesNotContain("Rolling back");
    }
}
