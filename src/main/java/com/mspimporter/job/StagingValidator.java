package com.mspimporter.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.mspimporter.input.CsvRecord;
import com.mspimporter.input.RowValidation;
import com.mspimporter.input.RowValidator;

/** Validates each record of the stage step; an invalid record is kept, to be stored as {@code REJECTED}. */
class StagingValidator implements ItemProcessor<CsvRecord, RowValidation> {

    private final RowValidator validator;

    StagingValidator(RowValidator validator) {
        this.validator = validator;
    }

    @Override
    public RowValidation process(CsvRecord record) {
        return validator.validate(record);
    }
}
