package com.mspimporter.job;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import com.mspimporter.onboarding.RowStatus;
import com.mspimporter.onboarding.RowStore;

/** Marks a file as staged once every record is in the row table, and logs what staging found. */
class StagingListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StagingListener.class);

    private final String fileId;
    private final Path input;
    private final String apiBaseUrl;
    private final RowStore rows;
    private final StagedFiles stagedFiles;

    StagingListener(String fileId, Path input, String apiBaseUrl, RowStore rows, StagedFiles stagedFiles) {
        this.fileId = fileId;
        this.input = input;
        this.apiBaseUrl = apiBaseUrl;
        this.rows = rows;
        this.stagedFiles = stagedFiles;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        Map<RowStatus, Long> counts = rows.countByStatus(fileId);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long rejected = counts.getOrDefault(RowStatus.REJECTED, 0L);
        stagedFiles.recordStaged(fileId, input.getFileName().toString(), apiBaseUrl,
                total, rejected);
        if (total == 0) {
            log.info("The file has a header and no rows: nothing to import tonight");
        }
        else {
            log.info("Staged {} rows: {} valid, {} rejected", total, total - rejected, rejected);
        }
        return null;
    }
}
