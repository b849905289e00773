package com.mspimporter.onboarding;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import com.mspimporter.api.ApiCallException;
import com.mspimporter.api.CallRejectedException;
import com.mspimporter.api.InvalidAnswerException;
import com.mspimporter.api.PlatformApi;
import com.mspimporter.api.TransientFailureException;
import com.mspimporter.api.UsersAdded;
import com.mspimporter.config.ImporterProperties;

/**
 * Walks one row through its calls in order, starting at the first step that is not done. The row is saved after
 * each create call, in the transaction that records the created id in the registry, after each failure, and when
 * it ends. Safe to call from several threads for different rows.
 */
@Component
public class RowOnboarder {

    private static final Logger log = LoggerFactory.getLogger(RowOnboarder.class);

    private final PlatformApi api;
    private final RowStore rows;
    private final TransactionOperations transactions;
    private final CustomerCreator customers;
    private final IntegrationCreator integrations;
    private final Clock clock;

    public RowOnboarder(PlatformApi api, RowStore rows, CustomerRegistry customerRegistry,
            IntegrationRegistry integrationRegistry, ServiceAccountKeys keys, ImporterProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        String apiBaseUrl = ApiIdentity.of(properties.api().baseUrl());
        boolean resendInDoubt = properties.retry().resendInDoubt();
        this.api = api;
        this.rows = rows;
        this.transactions = new TransactionTemplate(transactionManager);
        this.customers = new CustomerCreator(api, customerRegistry, apiBaseUrl, resendInDoubt);
        this.integrations = new IntegrationCreator(api, integrationRegistry, keys, apiBaseUrl, resendInDoubt);
        this.clock = clock;
    }

    /**
     * Onboards a {@code PENDING} row as far as it goes.
     *
     * @return the row's status afterwards: {@code PENDING} when a transient failure leaves it for a restart
     * @throws ApiCallException when the key was refused or the API is down, which stops the whole run
     */
    public RowStatus onboard(RowProgress row) {
        RowRecorder recorder = new RowRecorder(rows, transactions, row);
        row.clearTransientFailure();
        if (runSteps(recorder) == StepOutcome.RETRY_LATER) {
            log.info("Row {} ({}) will be tried again by the next run: {}", row.rowNumber(), row.customerName(),
                    row.error());
            return RowStatus.PENDING;
        }
        row.finish(clock.instant());
        recorder.save();
        if (row.status().needsAttention()) {
            log.warn("Row {} ({}) is {} at {}: {}", row.rowNumber(), row.customerName(), row.status(),
                    row.failedStep() == null ? Step.ADD_USERS.label() : row.failedStep().label(),
                    row.error() == null ? "some users were not added" : row.error());
        }
        return row.status();
    }

    private StepOutcome runSteps(RowRecorder recorder) {
        RowProgress row = recorder.row();
        if (row.customerId() == null) {
            StepOutcome customer = customers.ensureCustomer(recorder);
            if (customer != StepOutcome.DONE) {
                return customer;
            }
        }
        if (row.input().hasIntegration() && row.integrationId() == null
                && !row.failedPermanently(Step.ONBOARDING_LINK) && !row.failedPermanently(Step.CREATE_INTEGRATION)
                && !row.isInDoubt()) {
            if (integrations.ensureIntegration(recorder) == StepOutcome.RETRY_LATER) {
                return StepOutcome.RETRY_LATER;
            }
        }
        if (row.input().hasUsers() && !row.usersDone() && !row.failedPermanently(Step.ADD_USERS)) {
            return addUsers(recorder);
        }
        return StepOutcome.DONE;
    }

    private StepOutcome addUsers(RowRecorder recorder) {
        RowProgress row = recorder.row();
        List<String> toAdd = row.input().userEmails().stream()
                .filter(email -> !row.usersAdded().contains(email))
                .toList();
        try {
            UsersAdded result = api.addUsers(row.customerId(), toAdd, row.input().userRole(), recorder.counter());
            // saved with the row's final state right after this
            row.usersAdded(result.added(), result.failed());
            return StepOutcome.DONE;
        }
        catch (CallRejectedException | InvalidAnswerException ex) {
            row.failedPermanently(Step.ADD_USERS, ex.getMessage());
            recorder.save();
            return StepOutcome.FAILED;
        }
        catch (TransientFailureException ex) {
            row.failedTransiently(Step.ADD_USERS, ex.getMessage());
            recorder.save();
            return StepOutcome.RETRY_LATER;
        }
        catch (ApiCallException ex) {
            row.failedTransiently(Step.ADD_USERS, ex.getMessage());
            recorder.save();
            throw ex;
        }
    }
}
