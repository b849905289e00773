package com.mspimporter.results;

/**
 * Row counts at one step of the onboarding, as far as the results file shows them.
 *
 * @param step the step, as the {@code failed_step} column writes it
 * @param passed rows that got past the step
 * @param failed rows that failed at the step for good
 * @param inDoubt rows whose create call at this step may or may not have taken effect
 * @param pending rows that stopped at or before this step and continue on the next run
 */
public record StepCounts(String step, long passed, long failed, long inDoubt, long pending) {

    /** Returns the number of rows that reached the step. */
    public long total() {
        return passed + failed + inDoubt + pending;
    }
}
