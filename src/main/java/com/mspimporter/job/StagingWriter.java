package com.mspimporter.job;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.mspimporter.input.RowValidation;
import com.mspimporter.onboarding.RowStore;

/** Stores each chunk of validated records in the row table, in the chunk's transaction. */
class StagingWriter implements ItemWriter<RowValidation> {

    private final String fileId;
    private final RowStore rows;

    StagingWriter(String fileId, RowStore rows) {
        this.fileId = fileId;
        this.rows = rows;
    }

    @Override
    public void write(Chunk<? extends RowValidation> chunk) {
        rows.insert(fileId, chunk.getItems());
    }
}
