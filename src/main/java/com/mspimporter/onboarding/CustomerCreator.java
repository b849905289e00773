package com.mspimporter.onboarding;

import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mspimporter.api.ApiCallException;
import com.mspimporter.api.CallRejectedException;
import com.mspimporter.api.OutcomeUnknownException;
import com.mspimporter.api.PlatformApi;
import com.mspimporter.api.TransientFailureException;
import com.mspimporter.input.CustomerRow;

/**
 * The {@code create_customer} step: finds the row's customer in the registry, or creates it once.
 * Rows naming the same customer take turns, so that only the first one sends the call.
 */
final class CustomerCreator {

    private static final Logger log = LoggerFactory.getLogger(CustomerCreator.class);

    private final PlatformApi api;
    private final CustomerRegistry registry;
    private final String apiBaseUrl;
    private final boolean resendInDoubt;
    private final StripedLocks locks = new StripedLocks(1024);

    CustomerCreator(PlatformApi api, CustomerRegistry registry, String apiBaseUrl, boolean resendInDoubt) {
        this.api = api;
        this.registry = registry;
        this.apiBaseUrl = apiBaseUrl;
        this.resendInDoubt = resendInDoubt;
    }

    /**
     * Gives the row its customer id.
     *
     * @return {@link StepOutcome#DONE} when the row has a customer id and can go on with its next steps
     */
    StepOutcome ensureCustomer(RowRecorder recorder) {
        RowProgress row = recorder.row();
        CustomerRow input = row.input();
        String key = Identities.nameKey(input.customerName());
        if (input.customerId() != null) {
            adoptGivenId(key, input);
            row.customerCreated(input.customerId());
            recorder.save();
            return StepOutcome.DONE;
        }
        ReentrantLock lock = locks.lockFor(key);
        lock.lock();
        try {
            return createOnce(recorder, key);
        }
        finally {
            lock.unlock();
        }
    }

    private void adoptGivenId(String key, CustomerRow input) {
        var known = registry.find(apiBaseUrl, key);
        if (known.isEmpty() || known.get().state() != CreationState.CREATED) {
            registry.markCreated(apiBaseUrl, key, input.customerName(), input.customerId());
        }
    }

    private StepOutcome createOnce(RowRecorder recorder, String key) {
        RowProgress row = recorder.row();
        String name = row.input().customerName();
        var known = registry.find(apiBaseUrl, key);
        if (known.isPresent() && known.get().state() == CreationState.CREATED) {
            row.customerCreated(known.get().customerId());
            recorder.save();
            return StepOutcome.DONE;
        }
        if (known.isPresent() && !resendInDoubt) {
            registry.markInDoubt(apiBaseUrl, key, name);
            row.inDoubt(Step.CREATE_CUSTOMER, InDoubtMessages.customer(name, "an earlier run stopped before"
                    + " its answer was recorded"));
            recorder.save();
            return StepOutcome.FAILED;
        }

        registry.markSending(apiBaseUrl, key, name);
        try {
            String id = api.createCustomer(name, Identities.customerIdempotencyKey(apiBaseUrl, key),
                    recorder.counter()).customerId();
            row.customerCreated(id);
            recorder.saveWith(() -> registry.markCreated(apiBaseUrl, key, name, id));
            log.debug("Row {}: created customer {}", row.rowNumber(), id);
            return StepOutcome.DONE;
        }
        catch (OutcomeUnknownException ex) {
            registry.markInDoubt(apiBaseUrl, key, name);
            row.inDoubt(Step.CREATE_CUSTOMER, InDoubtMessages.customer(name, ex.getMessage()));
            recorder.save();
            return StepOutcome.FAILED;
        }
        catch (CallRejectedException ex) {
            registry.forgetSending(apiBaseUrl, key);
            row.failedPermanently(Step.CREATE_CUSTOMER, ex.getMessage());
            recorder.save();
            return StepOutcome.FAILED;
        }
        catch (TransientFailureException ex) {
            registry.forgetSending(apiBaseUrl, key);
            row.failedTransiently(Step.CREATE_CUSTOMER, ex.getMessage());
            recorder.save();
            return StepOutcome.RETRY_LATER;
        }
        catch (ApiCallException ex) {
            // the key was refused or the circuit breaker is open: no request of this call had an effect
            // unless re-sending after a lost response was allowed
            if (!resendInDoubt) {
                registry.forgetSending(apiBaseUrl, key);
            }
            row.failedTransiently(Step.CREATE_CUSTOMER, ex.getMessage());
            recorder.save();
            throw ex;
        }
    }
}
