package com.mspimporter.job;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import com.mspimporter.config.ImporterProperties;
import com.mspimporter.input.CsvRecord;
import com.mspimporter.input.CustomerCsvReader;

/**
 * Reads the input file record by record for the stage step. Spring Batch saves the count of records read with
 * every chunk, so a restarted stage step skips the records that are already staged.
 */
class StagingReader extends AbstractItemCountingItemStreamItemReader<CsvRecord> {

    private final Path input;
    private final ImporterProperties.Input settings;
    private CustomerCsvReader reader;

    StagingReader(Path input, ImporterProperties.Input settings) {
        this.input = input;
        this.settings = settings;
        setName("staging");
    }

    @Override
    protected void doOpen() {
        reader = CustomerCsvReader.open(input, settings);
    }

    @Override
    protected CsvRecord doRead() {
        return reader.read();
    }

    @Override
    protected void doClose() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
