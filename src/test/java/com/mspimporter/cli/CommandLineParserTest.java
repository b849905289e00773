package com.mspimporter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Options of the command line that the parser itself rejects, each with one sentence. */
class CommandLineParserTest {

    @Test
    void repeatedSettingIsRejected() {
        assertThatThrownBy(() -> CommandLineParser.parse("--input=a.csv", "--importer.api.base-url=https://a.example",
                "--importer.api.base-url=https://b.example"))
                .isInstanceOf(UsageException.class)
                .hasMessage("'--importer.api.base-url' is given twice; give each setting once.");
    }

    @Test
    void differentSettingsAreKept() {
        CommandLine commandLine = CommandLineParser.parse("--input=a.csv", "--importer.concurrency=4",
                "--spring.datasource.url=jdbc:h2:mem:x");

        assertThat(commandLine.springArguments())
                .containsExactly("--importer.concurrency=4", "--spring.datasource.url=jdbc:h2:mem:x");
    }
}
