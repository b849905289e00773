package com.mspimporter.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.unit.DataSize;

import com.mspimporter.config.ImporterProperties;

/** Writes CSV files for tests and reads them back with the reader under test. */
final class CsvFiles {

    static final String HEADER = "customer_name,integration_type,integration_name,aws_role_arn,gcp_project_id,"
            + "gcp_billing_dataset,gcp_billing_table,gcp_service_account_key_file,user_emails,user_role";

    private CsvFiles() {
    }

    static ImporterProperties.Input utf8() {
        return settings(StandardCharsets.UTF_8, DataSize.ofMegabytes(1));
    }

    static ImporterProperties.Input settings(Charset charset, DataSize maxRecordLength) {
        return new ImporterProperties.Input(charset, maxRecordLength);
    }

    static Path write(Path folder, String content) {
        return write(folder, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path folder, byte[] content) {
        try {
            return Files.write(folder.resolve("customers.csv"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CsvRecord> readAll(Path file, ImporterProperties.Input settings) {
        List<CsvRecord> records = new ArrayList<>();
        try (CustomerCsvReader reader = CustomerCsvReader.open(file, settings)) {
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
        }
        return records;
    }

    static List<CsvRecord> readAll(Path file) {
        return readAll(file, utf8());
    }
}
