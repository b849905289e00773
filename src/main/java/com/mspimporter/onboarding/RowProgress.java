package com.mspimporter.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mspimporter.api.UsersAdded.FailedUser;
import com.mspimporter.input.CustomerRow;

/**
 * The stored state of one input record: its validated input and what each call has done so far.
 * One thread at a time works on a row, and saves it after every call so that a restart resumes
 * at the first step that is not done.
 */
public final class RowProgress {

    private final String fileId;
    private final long rowNumber;
    private final String customerName;
    private final String integrationTypeText;
    private final CustomerRow input;
    private RowStatus status;
    private String customerId;
    private String integrationId;
    private String externalId;
    private String cloudformationUrl;
    private boolean usersDone;
    private List<String> usersAdded;
    private List<FailedUser> usersFailed;
    private Step failedStep;
    private String error;
    private boolean failureTransient;
    private boolean inDoubt;
    private int attempts;
    private Instant finishedAt;

    RowProgress(String fileId, long rowNumber, String customerName, String integrationTypeText,
            CustomerRow input, RowStatus status) {
        this.fileId = fileId;
        this.rowNumber = rowNumber;
        this.customerName = customerName;
        this.integrationTypeText = integrationTypeText;
        this.input = input;
        this.status = status;
        this.inDoubt = status == RowStatus.IN_DOUBT;
        this.usersAdded = List.of();
        this.usersFailed = List.of();
    }

    public String fileId() {
        return fileId;
    }

    public long rowNumber() {
        return rowNumber;
    }

    public String customerName() {
        return customerName;
    }

    /** Returns the integration type as the results file shows it: the validated type, or the raw cell of a rejected row. */
    public String integrationTypeText() {
        return integrationTypeText;
    }

    /** Returns the validated input, or {@code null} for a rejected row. */
    public CustomerRow input() {
        return input;
    }

    public RowStatus status() {
        return status;
    }

    public String customerId() {
        return customerId;
    }

    public String integrationId() {
        return integrationId;
    }

    public String externalId() {
        return externalId;
    }

    public String cloudformationUrl() {
        return cloudformationUrl;
    }

    public boolean usersDone() {
        return usersDone;
    }

    public List<String> usersAdded() {
        return usersAdded;
    }

    public List<FailedUser> usersFailed() {
        return usersFailed;
    }

    public Step failedStep() {
        return failedStep;
    }

    public String error() {
        return error;
    }

    /** Tells whether {@link #error()} describes a transient failure that a restart tries again. */
    public boolean failureTransient() {
        return failureTransient;
    }

    public int attempts() {
        return attempts;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** Tells whether a step failed for a reason that trying again cannot change. */
    boolean failedPermanently(Step step) {
        return failedStep == step && !failureTransient;
    }

    void customerCreated(String id) {
        customerId = id;
    }

    void linkCreated(String newExternalId, String url) {
        externalId = newExternalId;
        cloudformationUrl = url;
    }

    void integrationCreated(String id) {
        integrationId = id;
    }

    void usersAdded(List<String> added, List<FailedUser> failed) {
        List<String> allAdded = new ArrayList<>(usersAdded);
        added.stream().filter(email -> !allAdded.contains(email)).forEach(allAdded::add);
        usersAdded = List.copyOf(allAdded);
        usersFailed = List.copyOf(failed);
        usersDone = true;
    }

    /** Records a failure that ends this step for good; the row goes on with its other steps. */
    void failedPermanently(Step step, String message) {
        if (failedStep == null || failureTransient) {
            failedStep = step;
            error = message;
            failureTransient = false;
        }
    }

    /** Forgets a transient failure of an earlier run before its step is tried again. */
    void clearTransientFailure() {
        if (failureTransient) {
            failedStep = null;
            error = null;
            failureTransient = false;
        }
    }

    /** Records a transient failure; an earlier permanent failure stays the one reported. */
    void failedTransiently(Step step, String message) {
        if (failedStep == null || failureTransient) {
            failedStep = step;
            error = message;
            failureTransient = true;
        }
    }

    /** Tells whether a create call of this row may or may not have taken effect. */
    public boolean isInDoubt() {
        return inDoubt;
    }

    /**
     * Records a create call whose outcome is unknown. The status stays {@code PENDING} until the row finishes,
     * so that a restart still runs the row's other steps, and the stored flag makes the row end {@code IN_DOUBT}.
     */
    void inDoubt(Step step, String message) {
        inDoubt = true;
        failedStep = step;
        error = message;
        failureTransient = false;
    }

    void addAttempts(int count) {
        attempts += count;
    }

    /** Ends the row with the status its steps earned. */
    void finish(Instant at) {
        if (inDoubt) {
            status = RowStatus.IN_DOUBT;
        }
        else {
            if (customerId == null) {
                status = RowStatus.FAILED;
            }
            else if (failedStep != null || !usersFailed.isEmpty()) {
                status = RowStatus.PARTIAL;
            }
            else {
                status = RowStatus.SUCCEEDED;
            }
        }
        finishedAt = at;
    }


    void restore(String storedCustomerId, String storedIntegrationId, String storedExternalId, String storedUrl,
            boolean storedUsersDone, List<String> added, List<FailedUser> failed, Step storedFailedStep,
            String storedError, boolean storedTransient, boolean storedInDoubt, int storedAttempts,
            Instant storedFinishedAt) {
        customerId = storedCustomerId;
        integrationId = storedIntegrationId;
        externalId = storedExternalId;
        cloudformationUrl = storedUrl;
        usersDone = storedUsersDone;
        usersAdded = List.copyOf(added);
        usersFailed = List.copyOf(failed);
        failedStep = storedFailedStep;
        error = storedError;
        failureTransient = storedTransient;
        inDoubt = inDoubt || storedInDoubt;
        attempts = storedAttempts;
        finishedAt = storedFinishedAt;
    }

    @Override
    public String toString() {
        return "RowProgress[file=" + fileId + ", row=" + rowNumber + ", status=" + status + ", customerId="
                + customerId + ", failedStep=" + failedStep + "]";
    }
}
