package com.mspimporter.results;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.mspimporter.onboarding.RowStatus;
import com.mspimporter.onboarding.Step;

/**
 * Counts, per step, the rows that got past it, failed at it, are in doubt at it or wait at it for the next run.
 *
 * <p>A results line does not say which steps its row asked for, so this is an approximation:
 * <ul>
 * <li>a row asked for the onboarding link when its {@code integration_type} is AWS, and for an integration when it
 * is AWS or GCP;</li>
 * <li>a row asked for users only when it shows some in {@code users_added} or {@code users_failed}, or failed at
 * {@code add_users}; a row that stopped before adding its users is therefore not counted at {@code add_users};</li>
 * <li>a row given an existing {@code customer_id} counts as past {@code create_customer};</li>
 * <li>{@code failed_step} holds only the first step that failed for good: a row is counted at a later step only when
 * its ids or users show what happened there;</li>
 * <li>a row whose users were only partly added counts as failed at {@code add_users}.</li>
 * </ul>
 * Rejected rows and dry-run rows made no call and are not counted at any step.
 */
final class StepTally {

    private static final int PASSED = 0;
    private static final int FAILED = 1;
    private static final int IN_DOUBT = 2;
    private static final int PENDING = 3;

    private final Map<Step, long[]> counts = new EnumMap<>(Step.class);

    StepTally() {
        for (Step step : Step.values()) {
            counts.put(step, new long[4]);
        }
    }

    void record(ResultLine line, RowStatus status) {
        if (status == RowStatus.REJECTED || status == RowStatus.VALID) {
            return;
        }
        boolean aws = "AWS".equalsIgnoreCase(line.integrationType());
        boolean integration = aws || "GCP".equalsIgnoreCase(line.integrationType());
        boolean users = filled(line.usersAdded()) || filled(line.usersFailed());
        if (status == RowStatus.SUCCEEDED) {
            recordSucceeded(aws, integration, users);
            return;
        }
        Step failedStep = line.failedStep() == null || line.failedStep().isEmpty() ? null
                : Step.fromLabel(line.failedStep());

        boolean customerPassed = filled(line.customerId());
        count(Step.CREATE_CUSTOMER, customerPassed ? PASSED : stopped(status));
        if (!customerPassed) {
            return;
        }
        boolean linkPassed = !aws || filled(line.externalId());
        if (aws) {
            countLater(Step.ONBOARDING_LINK, linkPassed, failedStep, status);
        }
        if (integration && linkPassed) {
            countLater(Step.CREATE_INTEGRATION, filled(line.integrationId()), failedStep, status);
        }
        if (filled(line.usersFailed())) {
            count(Step.ADD_USERS, FAILED);
        }
        else if (failedStep == Step.ADD_USERS) {
            count(Step.ADD_USERS, stopped(status));
        }
        else if (users) {
            count(Step.ADD_USERS, PASSED);
        }
    }

    /** Returns the counts of every step, in the order the calls are made. */
    List<StepCounts> steps() {
        List<StepCounts> steps = new ArrayList<>();
        counts.forEach((step, tally) -> steps.add(new StepCounts(step.label(), tally[PASSED], tally[FAILED],
                tally[IN_DOUBT], tally[PENDING])));
        return steps;
    }

    private void recordSucceeded(boolean aws, boolean integration, boolean users) {
        count(Step.CREATE_CUSTOMER, PASSED);
        if (aws) {
            count(Step.ONBOARDING_LINK, PASSED);
        }
        if (integration) {
            count(Step.CREATE_INTEGRATION, PASSED);
        }
        if (users) {
            count(Step.ADD_USERS, PASSED);
        }
    }

    /** Counts a step after the customer's: passed, stopped at it, or not reached (then not counted at all). */
    private void countLater(Step step, boolean passed, Step failedStep, RowStatus status) {
        if (passed) {
            count(step, PASSED);
        }
        else if (failedStep == step || (failedStep == null && status == RowStatus.PENDING)) {
            count(step, stopped(status));
        }
    }

    /** Returns the outcome, by its status, of a row that did not get past a step. */
    private static int stopped(RowStatus status) {
        return switch (status) {
            case IN_DOUBT -> IN_DOUBT;
            case PENDING -> PENDING;
            default -> FAILED;
        };
    }

    private void count(Step step, int outcome) {
        counts.get(step)[outcome]++;
    }

    private static boolean filled(String value) {
        return value != null && !value.isEmpty();
    }
}
