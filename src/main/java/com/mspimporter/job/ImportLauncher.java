package com.mspimporter.job;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.mspimporter.config.ImporterProperties;
import com.mspimporter.input.InputFileException;
import com.mspimporter.onboarding.RowStatus;
import com.mspimporter.onboarding.RowStore;
import com.mspimporter.results.HtmlSummaryWriter;
import com.mspimporter.results.ResultLine;
import com.mspimporter.results.ResultLines;
import com.mspimporter.results.ResultsCsvWriter;
import com.mspimporter.results.SummaryCollector;

/**
 * Starts, restarts or re-reports the import job for one file, and turns its end into an {@link ImportOutcome}.
 * The caller must hold the {@link RunLease}, so that an execution left running belongs to a dead process.
 */
@Component
public class ImportLauncher {

    private static final Logger log = LoggerFactory.getLogger(ImportLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job importJob;
    private final RowStore rows;
    private final StagedFiles stagedFiles;
    private final RunControl runControl;
    private final ImporterProperties properties;
    private final Clock clock;

    public ImportLauncher(JobOperator jobOperator, JobRepository jobRepository, Job importJob, RowStore rows,
            StagedFiles stagedFiles, RunControl runControl, ImporterProperties properties, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.importJob = importJob;
        this.rows = rows;
        this.stagedFiles = stagedFiles;
        this.runControl = runControl;
        this.properties = properties;
        this.clock = clock;
    }

    public ImportOutcome run(ImportRequest request) throws Exception {
        recoverDeadExecutions();
        runControl.resetForNextFile();
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(JobParameterNames.CONTENT_SHA256, request.contentSha256(), true)
                .addString(JobParameterNames.API_BASE_URL, request.apiBaseUrl(), true)
                .addString(JobParameterNames.FILE_ID, request.fileId(), false)
                .addString(JobParameterNames.INPUT_FILE, request.input().toAbsolutePath().toString(), false)
                .addString(JobParameterNames.OUTPUT_FILE, request.output().toAbsolutePath().toString(), false);
        if (request.retryFailed() && stagedFiles.isStaged(request.fileId()) && !hasUnfinishedExecution(request)) {
            int reopened = rows.reopen(request.fileId(), retryableStatuses());
            log.info("Trying {} finished rows again", reopened);
            parameters.addLong(JobParameterNames.RETRY_RUN, clock.millis(), true);
        }
        JobParameters jobParameters = parameters.toJobParameters();
        removeInstanceWithoutExecution(jobParameters);
        try {
            JobExecution execution = jobOperator.start(importJob, jobParameters);
            return outcomeOf(execution, request);
        }
        catch (JobInstanceAlreadyCompleteException ex) {
            return reportCompleteFile(request);
        }
    }

    private Set<RowStatus> retryableStatuses() {
        Set<RowStatus> statuses = EnumSet.of(RowStatus.FAILED, RowStatus.PARTIAL);
        if (properties.retry().resendInDoubt()) {
            statuses.add(RowStatus.IN_DOUBT);
        }
        return statuses;
    }

    /** Tells whether the file's first run stopped unfinished, in which case it must be restarted before a retry. */
    private boolean hasUnfinishedExecution(ImportRequest request) {
        JobParameters identity = new JobParametersBuilder()
                .addString(JobParameterNames.CONTENT_SHA256, request.contentSha256(), true)
                .addString(JobParameterNames.API_BASE_URL, request.apiBaseUrl(), true)
                .toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(ImportJobConfiguration.JOB_NAME, identity);
        return last != null && last.getStatus() != BatchStatus.COMPLETED;
    }

    /**
     * Removes a job instance whose process died after creating it and before creating its first execution, which
     * Spring Batch does in two transactions. Spring Batch can neither start nor restart such an instance.
     */
    private void removeInstanceWithoutExecution(JobParameters jobParameters) {
        JobInstance instance = jobRepository.getJobInstance(ImportJobConfiguration.JOB_NAME, jobParameters);
        if (instance != null && jobRepository.getJobExecutions(instance).isEmpty()) {
            log.warn("Removing run {} that a process left without any execution, so that it can start again",
                    instance.getInstanceId());
            jobRepository.deleteJobInstance(instance);
        }
    }

    private void recoverDeadExecutions() {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME)) {
            log.warn("Run {} was left running by a process that is gone; marking it failed so that it can restart",
                    execution.getId());
            jobOperator.recover(execution);
        }
    }

    private ImportOutcome outcomeOf(JobExecution execution, ImportRequest request) {
        Map<RowStatus, Long> counts = rows.countByStatus(request.fileId());
        boolean reported = execution.getStepExecutions().stream()
                .anyMatch(step -> step.getStepName().equals("report") && step.getStatus() == BatchStatus.COMPLETED);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new ImportOutcome(ImportOutcome.exitCodeFor(counts), null, counts, request.output());
        }
        Throwable cause = RunStops.of(execution.getExecutionContext()).map(Throwable.class::cast)
                .orElseGet(() -> execution.getAllFailureExceptions().stream().findFirst().orElse(null));
        int exitCode = ImportOutcome.STOPPED;
        String message = "The run stopped; running the same file again continues it.";
        if (cause instanceof RunStoppedException stopped) {
            exitCode = stopped.reason() == StopReason.INPUT_REFUSED ? ImportOutcome.UNUSABLE : ImportOutcome.STOPPED;
            message = stopped.getMessage();
        }
        else if (rootCause(cause) instanceof InputFileException unusable) {
            exitCode = ImportOutcome.UNUSABLE;
            message = unusable.getMessage();
        }
        else if (cause != null) {
            message = "The run failed: " + rootCause(cause).getMessage();
            log.error("The run failed", cause);
        }
        return new ImportOutcome(exitCode, message, counts, reported ? request.output() : null);
    }

    private ImportOutcome reportCompleteFile(ImportRequest request) {
        SummaryCollector summary = new SummaryCollector();
        ResultsCsvWriter.write(request.output(), sink -> rows.forEachRow(request.fileId(), row -> {
            ResultLine line = ResultLines.of(row);
            summary.accept(line);
            sink.accept(line);
        }));
        try {
            HtmlSummaryWriter.writeBeside(request.output(),
                    summary.summary(request.input().getFileName().toString(), clock.instant()));
        }
        catch (UncheckedIOException ex) {
            // the results file is complete, so a missing page is no reason to fail the run
            log.warn(ex.getMessage());
        }
        Map<RowStatus, Long> counts = rows.countByStatus(request.fileId());
        String message = "This file (SHA-256 " + request.contentSha256().substring(0, 12) + "…) was imported"
                + " completely before, so no call was made; its results were written again.";
        return new ImportOutcome(ImportOutcome.exitCodeFor(counts), message, counts, request.output());
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current != null && current.getCause() != null && current.getCause() != current) {
            if (current instanceof InputFileException) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }
}
