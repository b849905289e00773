package com.mspimporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs a dry run with Spring Boot's structured logging and reads its console output as JSON lines. */
class StructuredLoggingTest {

    @TempDir
    Path work;

    @Test
    void ecsFormatWritesOneJsonObjectPerLine() throws IOException {
        Path input = work.resolve("customers.csv");
        Files.writeString(input, "customer_name,user_emails\nJson Logs Ltd,a@example.com\n");
        ConsoleRun run = ConsoleRun.of("--input=" + input, "--dry-run", "--logging.structured.format.console=ecs");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.output().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        JsonMapper mapper = JsonMapper.builder().build();
        List<JsonNode> events = lines.stream().map(mapper::readTree).toList();
        assertThat(events).allSatisfy(event -> assertThat(event.has("@timestamp")).isTrue());
        assertThat(events).anySatisfy(event -> assertThat(event.path("message").asString())
                .startsWith("Finished customers.csv"));
    }
}
