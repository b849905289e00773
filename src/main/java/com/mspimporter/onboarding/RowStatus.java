package com.mspimporter.onboarding;

/** The status of a row in the results file. */
public enum RowStatus {

    /** Every step the row asked for is done. */
    SUCCEEDED,
    /** The customer exists but a later step failed or some users were not added. */
    PARTIAL,
    /** The customer could not be created. */
    FAILED,
    /** The row is invalid and no call was made for it. */
    REJECTED,
    /** A create call may or may not have taken effect because its response was lost. */
    IN_DOUBT,
    /** Not finished because the run stopped; a restart continues it. */
    PENDING,
    /** Dry run only: the row would be imported. */
    VALID;

    /** Tells whether a person has to look at a row with this status. */
    public boolean needsAttention() {
        return this == PARTIAL || this == FAILED || this == REJECTED || this == IN_DOUBT;
    }
}
