package com.mspimporter.job;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.cli.Main;

/** Imports a drop folder through {@code --input-dir}. */
class DropFolderTest {

    @TempDir
    Path work;

    private ImportFixture fixture;
    private Path drop;

    @BeforeEach
    void startApi() throws IOException {
        fixture = new ImportFixture(work);
        drop = Files.createDirectories(work.resolve("drop"));
    }

    @AfterEach
    void stopApi() {
        fixture.close();
    }

    @Test
    void completedFilesMoveAndOthersStay() throws IOException {
        Path clean = aged(drop.resolve("monday.csv"), "customer_name,user_emails\nDrop Alpha,a@example.com\n", 10);
        Path partial = aged(drop.resolve("tuesday.csv"),
                "customer_name,user_emails\nDrop Beta,unknown.person@example.com\n", 5);
        Path broken = aged(drop.resolve("broken.csv"), "customer_name;user_emails\nDrop Gamma;c@example.com\n", 3);
        Path fresh = Files.writeString(drop.resolve("still-copying.csv"), "customer_name\nDrop Delta\n");

        int exitCode = runFolder();

        assertThat(exitCode).as("a refused file is worse than rows that need a person").isEqualTo(2);
        Path done = drop.resolve("done");
        assertThat(done.resolve("monday.csv")).exists();
        assertThat(done.resolve("monday.results.csv")).exists();
        assertThat(done.resolve("monday.results.html")).exists();
        assertThat(done.resolve("tuesday.csv")).exists();
        assertThat(ResultsFile.read(done.resolve("tuesday.results.csv")).row(1).get("status")).isEqualTo("PARTIAL");
        assertThat(clean).doesNotExist();
        assertThat(partial).doesNotExist();
        assertThat(broken).as("a refused file stays for the next run").exists();
        assertThat(fresh).as("a file changed in the last minute is left alone").exists();
        assertThat(drop.resolve("still-copying.results.csv")).doesNotExist();
        fixture.api().server().verify(2, postRequestedFor(urlPathEqualTo("/msp/customers")));
    }

    @Test
    void secondPassImportsNothingNew() throws IOException {
        aged(drop.resolve("monday.csv"), "customer_name\nDrop Epsilon\n", 10);

        assertThat(runFolder()).isZero();
        assertThat(runFolder()).as("an empty drop folder is a quiet night").isZero();
        fixture.api().server().verify(1, postRequestedFor(urlPathEqualTo("/msp/customers")));
    }

    private int runFolder() {
        return Main.run("--input-dir=" + drop,
                "--importer.api.base-url=" + fixture.api().baseUrl(),
                "--importer.api.key=" + fixture.api().apiKey(),
                "--spring.datasource.url=jdbc:h2:file:" + fixture.database(),
                "--importer.retry.initial-wait=10ms",
                "--importer.retry.max-wait=50ms");
    }

    private static Path aged(Path file, String content, int minutesAgo) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(minutesAgo))));
        return file;
    }
}
