package com.mspimporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.cli.Main;

/** Command lines that cannot be used end with exit code 2 before any call, and {@code --help} ends with 0. */
class CommandLineTest {

    @TempDir
    Path folder;

    private ImportFixture fixture;
    private Path csv;

    @BeforeEach
    void startApi() {
        fixture = new ImportFixture(folder);
        csv = fixture.write("customers.csv", "customer_name,user_emails\nAlder Mills,ann@alder.example\n");
    }

    @AfterEach
    void stopApi() {
        fixture.close();
    }

    @Test
    void unknownOptionIsUsageError() {
        int exitCode = fixture.run(csv, "--colour=blue");

        assertNothingHappened(exitCode);
    }

    @Test
    void repeatedSettingIsUsageError() {
        int exitCode = fixture.run(csv, "--importer.api.base-url=http://127.0.0.1:1");

        assertNothingHappened(exitCode);
    }

    @Test
    void otherSpellingOfKnownApiIsUsageError() {
        assertThat(fixture.run(csv)).isZero();
        int requestsAfterFirstRun = fixture.api().server().getAllServeEvents().size();
        Path secondFile = fixture.write("second.csv", "customer_name,user_emails\nBirch Works,bo@birch.example\n");

        int exitCode = Main.run(
                "--input=" + secondFile,
                "--importer.api.base-url=" + fixture.api().baseUrl().replace("http://", "HTTP://"),
                "--importer.api.key=" + fixture.api().apiKey(),
                "--spring.datasource.url=jdbc:h2:file:" + fixture.database());

        assertThat(exitCode).isEqualTo(2);
        assertThat(fixture.api().server().getAllServeEvents()).hasSize(requestsAfterFirstRun);
        assertThat(fixture.resultsFileOf(secondFile)).doesNotExist();
    }

    @Test
    void missingInputOptionIsUsageError() {
        int exitCode = Main.run(
                "--importer.api.base-url=" + fixture.api().baseUrl(),
                "--importer.api.key=" + fixture.api().apiKey(),
                "--spring.datasource.url=jdbc:h2:file:" + fixture.database());

        assertNothingHappened(exitCode);
    }

    @Test
    void missingInputFileIsUsageError() {
        int exitCode = fixture.run(folder.resolve("no-such-file.csv"));

        assertNothingHappened(exitCode);
    }

    @Test
    void plainHttpToOtherHostIsUsageError() {
        // the .invalid top-level domain never resolves, so nothing could reach a real host
        int exitCode = Main.run(
                "--input=" + csv,
                "--importer.api.base-url=http://api.example.invalid",
                "--importer.api.key=" + fixture.api().apiKey(),
                "--spring.datasource.url=jdbc:h2:file:" + fixture.database());

        assertNothingHappened(exitCode);
    }

    @Test
    void missingApiKeyIsUsageError() {
        int exitCode = Main.run(
                "--input=" + csv,
                "--importer.api.base-url=" + fixture.api().baseUrl(),
                "--spring.datasource.url=jdbc:h2:file:" + fixture.database());

        assertNothingHappened(exitCode);
    }

    @Test
    void outputOptionNamesResultsFile() {
        Path output = folder.resolve("tonight.csv");

        int exitCode = fixture.run(csv, "--output=" + output);

        assertThat(exitCode).isZero();
        assertThat(ResultsFile.read(output).column("status")).containsExactly("SUCCEEDED");
        assertThat(fixture.resultsFileOf(csv)).doesNotExist();
    }

    @Test
    void helpExitsWithZero() {
        int exitCode = Main.run("--help");

        assertThat(exitCode).isZero();
        assertThat(fixture.resultsFileOf(csv)).doesNotExist();
    }

    private void assertNothingHappened(int exitCode) {
        assertThat(exitCode).isEqualTo(2);
        assertThat(fixture.api().requestCount()).isZero();
        assertThat(fixture.resultsFileOf(csv)).doesNotExist();
    }
}
