package com.mspimporter.job;

import java.util.Optional;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Records why the onboard step stopped early, in the job execution's context, and gives the step the exit status
 * {@code STOPPED}. The step itself completes rather than fails. Spring Batch marks a failed step that the flow
 * continues past as abandoned and never runs it again on restart, but the report must run after a stop, and a
 * restart must onboard the rows that are left.
 */
final class RunStops {

    static final String EXIT_CODE = "STOPPED";
    private static final String REASON_KEY = "importer.stop.reason";
    private static final String MESSAGE_KEY = "importer.stop.message";

    private RunStops() {
    }

    static RepeatStatus record(StepContribution contribution, ChunkContext chunkContext, StopReason reason,
            String message) {
        ExecutionContext context = jobContext(chunkContext);
        context.putString(REASON_KEY, reason.name());
        context.putString(MESSAGE_KEY, message);
        contribution.setExitStatus(new ExitStatus(EXIT_CODE, message));
        return RepeatStatus.FINISHED;
    }

    /** Forgets the stop of an earlier execution, whose context a restarted execution inherits. */
    static void clear(ChunkContext chunkContext) {
        ExecutionContext context = jobContext(chunkContext);
        context.remove(REASON_KEY);
        context.remove(MESSAGE_KEY);
    }

    static Optional<RunStoppedException> of(ExecutionContext jobContext) {
        if (!jobContext.containsKey(REASON_KEY)) {
            return Optional.empty();
        }
        return Optional.of(new RunStoppedException(StopReason.valueOf(jobContext.getString(REASON_KEY)),
                jobContext.getString(MESSAGE_KEY)));
    }

    private static ExecutionContext jobContext(ChunkContext chunkContext) {
        return chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }
}
