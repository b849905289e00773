package com.mspimporter.results;

import com.mspimporter.onboarding.RowStatus;

/** Meanings of the statuses for an account manager, with what to do, in one or two sentences each. */
final class StatusMeanings {

    private StatusMeanings() {
    }

    static String of(RowStatus status) {
        return switch (status) {
            case SUCCEEDED -> "Every step the row asked for is done. An AWS customer still has to open the"
                    + " cloudformation_url of its row in the results file.";
            case PARTIAL -> "The customer exists, but a later step failed or some users were not added. Fix the"
                    + " cause, then import the file again with --retry-failed.";
            case FAILED -> "The customer could not be created; the reason gives the API's response. Fix the cause,"
                    + " then import again.";
            case REJECTED -> "The row is invalid, so no call was made for it. The reason names each column to"
                    + " correct.";
            case IN_DOUBT -> "A create request was sent but its response was lost, so it may have taken effect."
                    + " Nothing was sent again: check the platform as described below.";
            case PENDING -> "Not finished because the run stopped. Running the same file again continues it.";
            case VALID -> "Dry run only: the row would be imported.";
        };
    }
}
