package com.mspimporter.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.mspimporter.config.ImporterProperties;
import com.mspimporter.input.Column;
import com.mspimporter.input.CsvRecord;
import com.mspimporter.input.CustomerCsvReader;
import com.mspimporter.input.RowValidation;
import com.mspimporter.input.RowValidator;
import com.mspimporter.job.ImportOutcome;
import com.mspimporter.onboarding.RowStatus;
import com.mspimporter.results.ResultLine;
import com.mspimporter.results.ResultsCsvWriter;

/** Validates a file and writes its results with {@code VALID} or {@code REJECTED}, making no call and recording nothing. */
@Component
class DryRun {

    private final ImporterProperties properties;
    private final Clock clock;

    DryRun(ImporterProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    ImportOutcome run(Path input, Path output) {
        RowValidator validator = new RowValidator(input.toAbsolutePath().getParent());
        Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
        try (CustomerCsvReader reader = CustomerCsvReader.open(input, properties.input())) {
            ResultsCsvWriter.write(output, sink -> {
                for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                    RowValidation validation = validator.validate(record);
                    RowStatus status = validation.isValid() ? RowStatus.VALID : RowStatus.REJECTED;
                    counts.merge(status, 1L, Long::sum);
                    sink.accept(lineOf(validation, status));
                }
            });
        }
        int exitCode = counts.getOrDefault(RowStatus.REJECTED, 0L) > 0 ? ImportOutcome.NEEDS_ATTENTION
                : ImportOutcome.SUCCESS;
        return new ImportOutcome(exitCode, "Dry run: no call was made and nothing was recorded.", counts, output);
    }

    private ResultLine lineOf(RowValidation validation, RowStatus status) {
        CsvRecord record = validation.record();
        String type = validation.isValid()
                ? (validation.row().hasIntegration() ? validation.row().integrationType().name() : "")
                : record.value(Column.INTEGRATION_TYPE);
        return new ResultLine(record.rowNumber(), record.value(Column.CUSTOMER_NAME), status.name(),
                record.value(Column.CUSTOMER_ID), type, null, null, null, null, null, null,
                validation.isValid() ? null : validation.errorText(), 0,
                validation.isValid() ? null : clock.instant());
    }
}
