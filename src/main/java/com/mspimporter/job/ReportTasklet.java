package com.mspimporter.job;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.mspimporter.onboarding.RowStore;
import com.mspimporter.results.HtmlSummaryWriter;
import com.mspimporter.results.ResultLine;
import com.mspimporter.results.ResultLines;
import com.mspimporter.results.ResultsCsvWriter;
import com.mspimporter.results.SummaryCollector;

/**
 * The report step: writes the results file from the row table, every row in input order, and the HTML summary
 * beside it from the same pass over the rows.
 */
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
        SummaryCollector summary = new SummaryCollector();
        long written = ResultsCsvWriter.write(output, sink -> rows.forEachRow(fileId, row -> {
            ResultLine line = ResultLines.of(row);
            summary.accept(line);
            sink.accept(line);
        }));
        contribution.incrementWriteCount(written);
        log.info("Wrote {} result lines to {}", written, output.toAbsolutePath());
        try {
            Path page = HtmlSummaryWriter.writeBeside(output,
                    summary.summary(inputFileName(chunkContext), Instant.now()));
            log.info("Wrote the summary for account managers to {}", page);
        }
        catch (UncheckedIOException ex) {
            // the results file is complete, so a missing page is no reason to stop the run
            log.warn(ex.getMessage());
        }
        return RepeatStatus.FINISHED;
    }

    private static String inputFileName(ChunkContext chunkContext) {
        Object input = chunkContext.getStepContext().getJobParameters().get(JobParameterNames.INPUT_FILE);
        return input == null ? "" : Path.of(input.toString()).getFileName().toString();
    }
}
