package com.mspimporter.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.mspimporter.config.ImporterProperties;
import com.mspimporter.onboarding.RowOnboarder;
import com.mspimporter.onboarding.RowStatus;
import com.mspimporter.onboarding.RowStore;

/**
 * The onboard step. The first call rejects a file with too many invalid rows and starts a {@link RowDispatcher}.
 * Each later call waits up to a second for progress, logs it every few seconds and commits the step's counts, so
 * rows never wait for each other at a chunk boundary. A run that stops ends the step with the exit status
 * {@code STOPPED} (see {@link RunStops}), so that the report still runs and a restart runs this step again.
 */
class OnboardTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(OnboardTasklet.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    private final String fileId;
    private final RowStore rows;
    private final RowOnboarder onboarder;
    private final RunControl runControl;
    private final ImporterProperties properties;
    private final Clock clock;
    private RowDispatcher dispatcher;
    private ProgressLog progressLog;
    private Instant nextProgress;
    private long counted;

    OnboardTasklet(String fileId, RowStore rows, RowOnboarder onboarder, RunControl runControl,
            ImporterProperties properties, Clock clock) {
        this.fileId = fileId;
        this.rows = rows;
        this.onboarder = onboarder;
        this.runControl = runControl;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (dispatcher == null) {
            RunStops.clear(chunkContext);
            long toDo;
            try {
                toDo = checkAndCountPending();
            }
            catch (RunStoppedException ex) {
                return RunStops.record(contribution, chunkContext, ex.reason(), ex.getMessage());
            }
            progressLog = new ProgressLog(toDo, clock.instant());
            nextProgress = clock.instant().plus(PROGRESS_INTERVAL);
            dispatcher = new RowDispatcher(fileId, rows, onboarder, runControl, properties.concurrency());
            dispatcher.start();
        }

        dispatcher.awaitProgress(1000);
        Map<RowStatus, Long> finished = dispatcher.finishedCounts();
        long handled = finished.values().stream().mapToLong(Long::longValue).sum();
        contribution.incrementWriteCount(handled - counted);
        counted = handled;

        if (!dispatcher.isDone()) {
            if (!clock.instant().isBefore(nextProgress)) {
                log.info(progressLog.line(finished, clock.instant()));
                nextProgress = clock.instant().plus(PROGRESS_INTERVAL);
            }
            return RepeatStatus.CONTINUABLE;
        }

        log.info(progressLog.line(finished, clock.instant()));
        RunControl.Stop stop = runControl.stopRequest();
        if (stop != null) {
            return RunStops.record(contribution, chunkContext, stop.reason(), stop.message());
        }
        long pending = finished.getOrDefault(RowStatus.PENDING, 0L);
        if (pending > 0) {
            return RunStops.record(contribution, chunkContext, StopReason.ROWS_PENDING, pending + " rows still"
                    + " failed transiently after their retries; they stay PENDING and the next run tries them again.");
        }
        return RepeatStatus.FINISHED;
    }

    private long checkAndCountPending() {
        Map<RowStatus, Long> counts = rows.countByStatus(fileId);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long rejected = counts.getOrDefault(RowStatus.REJECTED, 0L);
        if (properties.maxRejectedRows().isExceededBy(rejected, total)) {
            throw new RunStoppedException(StopReason.INPUT_REFUSED, rejected + " of " + total + " rows are invalid,"
                    + " more than importer.max-rejected-rows (" + properties.maxRejectedRows() + ") allows; no call"
                    + " was made. Fix the file, or raise the limit if the rows are expected to fail.");
        }
        long pending = counts.getOrDefault(RowStatus.PENDING, 0L);
        log.info("Onboarding {} rows with {} at a time", pending, properties.concurrency());
        return pending;
    }
}
