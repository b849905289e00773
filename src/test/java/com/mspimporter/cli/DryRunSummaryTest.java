package com.mspimporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last log line of a dry run explains its exit code in terms of valid and invalid rows. */
class DryRunSummaryTest {

    @TempDir
    Path work;

    @Test
    void validFileIsReportedValid() throws IOException {
        Path input = work.resolve("customers.csv");
        Files.writeString(input, "customer_name,user_emails\nDry Valid Ltd,a@example.com\n");

        ConsoleRun run = ConsoleRun.of("--input=" + input, "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("Exit code 0: every row is valid").doesNotContain("succeeded");
    }

    @Test
    void invalidRowIsReportedSkipped() throws IOException {
        Path input = work.resolve("customers.csv");
        Files.writeString(input,
                "customer_name,user_emails\nDry Valid Ltd,a@example.com\nDry Invalid Ltd,not-an-email\n");

        ConsoleRun run = ConsoleRun.of("--input=" + input, "--dry-run", "--importer.max-rejected-rows=100%");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.output()).contains("Exit code 3: some rows are invalid and would not be imported");
    }
}
