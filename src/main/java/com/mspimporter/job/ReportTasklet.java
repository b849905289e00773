package com.mspimporter.job;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.mspimporter.onboarding.RowStore;
import com.mspimporter.results.ResultLines;
import com.mspimporter.results.ResultsCsvWriter;

/** The report step: writes the results file from the row table, every row in input order. */
class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final String fileId;
    private final Path output;
    private final RowStore rows;

    ReportTasklet(String fileId, Path output, RowStore rows) {
        this.fileId = fileId;
        this.output = output;
        this.rows = rows;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long written = ResultsCsvWriter.write(output,
                sink -> rows.forEachRow(fileId, row -> sink.accept(ResultLines.of(row))));
        contribution.incrementWriteCount(written);
        log.info("Wrote {} result lines to {}", written, output.toAbsolutePath());
        return RepeatStatus.FINISHED;
    }
}
