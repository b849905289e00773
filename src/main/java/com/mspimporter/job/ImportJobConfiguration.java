package com.mspimporter.job;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.mspimporter.config.ImporterProperties;
import com.mspimporter.input.CsvRecord;
import com.mspimporter.input.RowValidation;
import com.mspimporter.input.RowValidator;
import com.mspimporter.onboarding.RowOnboarder;
import com.mspimporter.onboarding.RowStore;

/**
 * The import job: stage (read and validate the CSV into the row table), onboard (make the calls of every
 * pending row), report (write the results file). The report runs after a stopped onboard step too, so a stopped
 * run still leaves its results; the job then ends {@code FAILED}, so that starting it again restarts it.
 * A file already staged by an earlier job instance (a retry run) skips the stage step.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

    static final String JOB_NAME = "importJob";
    private static final int STAGING_CHUNK_SIZE = 500;

    @Bean
    Job importJob(JobRepository jobRepository, Step stageStep, Step onboardStep, Step reportStep,
            StagedFiles stagedFiles) {
        JobExecutionDecider staged = (jobExecution, stepExecution) -> stagedFiles.isStaged(
                jobExecution.getJobParameters().getString(JobParameterNames.FILE_ID))
                ? new FlowExecutionStatus("STAGED") : new FlowExecutionStatus("NOT_STAGED");
        JobExecutionDecider outcome = (jobExecution, stepExecution) -> RunStops.of(
                jobExecution.getExecutionContext()).isPresent()
                ? new FlowExecutionStatus(RunStops.EXIT_CODE) : FlowExecutionStatus.COMPLETED;
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(staged).on("NOT_STAGED").to(stageStep)
                .from(staged).on("STAGED").to(onboardStep)
                .from(stageStep).on("COMPLETED").to(onboardStep)
                .from(stageStep).on("*").fail()
                .from(onboardStep).on("*").to(reportStep)
                .from(reportStep).on("COMPLETED").to(outcome)
                .from(reportStep).on("*").fail()
                .from(outcome).on(RunStops.EXIT_CODE).fail()
                .from(outcome).on("*").end()
                .end()
                .build();
    }

    @Bean
    Step stageStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StagingReader stagingReader, StagingValidator stagingValidator, StagingWriter stagingWriter,
            StagingListener stagingListener) {
        return new StepBuilder("stage", jobRepository)
                .<CsvRecord, RowValidation>chunk(STAGING_CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(stagingReader)
                .processor(stagingValidator)
                .writer(stagingWriter)
                .listener(stagingListener)
                .build();
    }

    @Bean
    @StepScope
    StagingValidator stagingValidator(
            @Value("#{jobParameters['" + JobParameterNames.INPUT_FILE + "']}") String inputFile) {
        return new StagingValidator(new RowValidator(Path.of(inputFile).toAbsolutePath().getParent()));
    }

    @Bean
    @StepScope
    StagingWriter stagingWriter(RowStore rows,
            @Value("#{jobParameters['" + JobParameterNames.FILE_ID + "']}") String fileId) {
        return new StagingWriter(fileId, rows);
    }

    @Bean
    Step onboardStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            OnboardTasklet onboardTasklet) {
        // runs again on every restart: it onboards only the rows still PENDING
        return new StepBuilder("onboard", jobRepository)
                .tasklet(onboardTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReportTasklet reportTasklet) {
        return new StepBuilder("report", jobRepository)
                .tasklet(reportTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    StagingReader stagingReader(ImporterProperties properties,
            @Value("#{jobParameters['" + JobParameterNames.INPUT_FILE + "']}") String inputFile) {
        return new StagingReader(Path.of(inputFile), properties.input());
    }

    @Bean
    @StepScope
    StagingListener stagingListener(RowStore rows, StagedFiles stagedFiles,
            @Value("#{jobParameters['" + JobParameterNames.FILE_ID + "']}") String fileId,
            @Value("#{jobParameters['" + JobParameterNames.INPUT_FILE + "']}") String inputFile,
            @Value("#{jobParameters['" + JobParameterNames.API_BASE_URL + "']}") String apiBaseUrl) {
        return new StagingListener(fileId, Path.of(inputFile), apiBaseUrl, rows, stagedFiles);
    }

    @Bean
    @StepScope
    OnboardTasklet onboardTasklet(RowStore rows, RowOnboarder onboarder, RunControl runControl,
            ImporterProperties properties, Clock clock,
            @Value("#{jobParameters['" + JobParameterNames.FILE_ID + "']}") String fileId) {
        return new OnboardTasklet(fileId, rows, onboarder, runControl, properties, clock);
    }

    @Bean
    @StepScope
    ReportTasklet reportTasklet(RowStore rows,
            @Value("#{jobParameters['" + JobParameterNames.FILE_ID + "']}") String fileId,
            @Value("#{jobParameters['" + JobParameterNames.OUTPUT_FILE + "']}") String outputFile) {
        return new ReportTasklet(fileId, Path.of(outputFile), rows);
    }
}
