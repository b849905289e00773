package com.mspimporter.onboarding;

/** The effect of a step on the rest of its row. */
enum StepOutcome {

    /** The step is done; the row goes on. */
    DONE,
    /** The step failed for good or is in doubt; the row goes on with the steps that do not depend on it. */
    FAILED,
    /** A transient failure: the row stops here and stays {@code PENDING} for a restart. */
    RETRY_LATER
}
