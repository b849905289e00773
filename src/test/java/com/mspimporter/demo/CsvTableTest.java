package com.mspimporter.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path folder;

    @Test
    void byteOrderMarkIsNotPartOfHeader() throws IOException {
        CsvTable table = read("\uFEFFrow,status\n1,SUCCEEDED\n");

        assertThat(table.header()).containsExactly("row", "status");
        assertThat(table.column("row")).containsExactly("1");
    }

    @Test
    void fileWithoutByteOrderMarkKeepsFirstCharacter() throws IOException {
        CsvTable table = read("row,status\n1,FAILED\n");

        assertThat(table.header()).containsExactly("row", "status");
        assertThat(table.column("status")).containsExactly("FAILED");
    }

    @Test
    void quotedCellsKeepCommasQuotesAndBackslashes() throws IOException {
        CsvTable table = read("customer_name,error\n\"Bluefin Logistics, Inc.\",\"say \"\"hi\"\" C:\\temp\"\n");

        assertThat(table.column("customer_name")).containsExactly("Bluefin Logistics, Inc.");
        assertThat(table.column("error")).containsExactly("say \"hi\" C:\\temp");
    }

    @Test
    void columnMatchesHeaderTrimmedAndIgnoringCase() throws IOException {
        CsvTable table = read(" Status ,row\nPARTIAL,1\nREJECTED,2\n");

        assertThat(table.column("status")).containsExactly("PARTIAL", "REJECTED");
    }

    @Test
    void shortRecordGivesEmptyValue() throws IOException {
        CsvTable table = read("row,status\n1\n");

        assertThat(table.column("status")).containsExactly("");
    }

    @Test
    void hasColumnIgnoresCaseAndSpaces() throws IOException {
        CsvTable table = read(" Customer_ID ,row\n\n");

        assertThat(table.hasColumn("customer_id")).isTrue();
        assertThat(table.hasColumn("status")).isFalse();
    }

    @Test
    void missingColumnNamesHeader() throws IOException {
        CsvTable table = read("row,customer_name\n1,Quill Street Publishing\n");

        assertThatThrownBy(() -> table.column("status"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status")
                .hasMessageContaining("customer_name");
    }

    @Test
    void emptyFileHasNoHeader() throws IOException {
        CsvTable table = read("");

        assertThat(table.header()).isEmpty();
        assertThat(table.records()).isEmpty();
    }

    private CsvTable read(String content) throws IOException {
        Path file = folder.resolve("table.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return CsvTable.read(file);
    }
}
