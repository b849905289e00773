package com.mspimporter.onboarding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mspimporter.api.ApiCallException;
import com.mspimporter.api.CallRejectedException;
import com.mspimporter.api.IntegrationRequest;
import com.mspimporter.api.InvalidAnswerException;
import com.mspimporter.api.OnboardingLink;
import com.mspimporter.api.OutcomeUnknownException;
import com.mspimporter.api.PlatformApi;
import com.mspimporter.api.TransientFailureException;
import com.mspimporter.input.CustomerRow;
import com.mspimporter.input.IntegrationType;

/**
 * The {@code onboarding_link} and {@code create_integration} steps. An integration is created once per customer,
 * type and name. An AWS integration reuses the onboarding link fetched for it earlier, because the customer may
 * already have deployed the CloudFormation stack with that link's external id.
 */
final class IntegrationCreator {

    private static final Logger log = LoggerFactory.getLogger(IntegrationCreator.class);

    private final PlatformApi api;
    private final IntegrationRegistry registry;
    private final ServiceAccountKeys keys;
    private final String apiBaseUrl;
    private final boolean resendInDoubt;
    private final StripedLocks locks = new StripedLocks(1024);

    IntegrationCreator(PlatformApi api, IntegrationRegistry registry, ServiceAccountKeys keys, String apiBaseUrl,
            boolean resendInDoubt) {
        this.api = api;
        this.registry = registry;
        this.keys = keys;
        this.apiBaseUrl = apiBaseUrl;
        this.resendInDoubt = resendInDoubt;
    }

    /**
     * Creates the row's integration unless it exists. A failure of these steps is recorded on the row, which goes
     * on with its users.
     *
     * @return {@link StepOutcome#RETRY_LATER} when a transient failure leaves the row for a restart
     */
    StepOutcome ensureIntegration(RowRecorder recorder) {
        CustomerRow input = recorder.row().input();
        IntegrationRegistry.Key key = new IntegrationRegistry.Key(apiBaseUrl, recorder.row().customerId(),
                input.integrationType().name(), Identities.nameKey(input.integrationName()));
        ReentrantLock lock = locks.lockFor(key.toString());
        lock.lock();
        try {
            return createOnce(recorder, key);
        }
        finally {
            lock.unlock();
        }
    }

    private StepOutcome createOnce(RowRecorder recorder, IntegrationRegistry.Key key) {
        RowProgress row = recorder.row();
        String name = row.input().integrationName();
        Optional<IntegrationRegistry.Entry> known = registry.find(key);
        known.filter(entry -> entry.externalId() != null)
                .ifPresent(entry -> row.linkCreated(entry.externalId(), entry.cloudformationUrl()));
        if (known.isPresent() && known.get().state() == CreationState.CREATED) {
            row.integrationCreated(known.get().integrationId());
            recorder.save();
            return StepOutcome.DONE;
        }
        boolean sentBefore = known.isPresent()
                && (known.get().state() == CreationState.SENDING || known.get().state() == CreationState.IN_DOUBT);
        if (sentBefore && !resendInDoubt) {
            registry.markInDoubt(key, name, row.externalId(), row.cloudformationUrl());
            row.inDoubt(Step.CREATE_INTEGRATION, InDoubtMessages.integration(name, "an earlier run stopped before"
                    + " its answer was recorded"));
            recorder.save();
            return StepOutcome.FAILED;
        }
        if (row.input().integrationType() == IntegrationType.AWS && row.externalId() == null) {
            StepOutcome linked = fetchLink(recorder, key);
            if (linked != StepOutcome.DONE) {
                return linked;
            }
        }
        Map<String, Object> secret;
        try {
            secret = secretOf(row);
        }
        catch (RuntimeException ex) {
            row.failedPermanently(Step.CREATE_INTEGRATION, ex.getMessage());
            recorder.save();
            return StepOutcome.FAILED;
        }
        return send(recorder, key, new IntegrationRequest(row.input().integrationType().name(), name, secret));
    }

    private StepOutcome fetchLink(RowRecorder recorder, IntegrationRegistry.Key key) {
        RowProgress row = recorder.row();
        CustomerRow input = row.input();
        try {
            OnboardingLink link = api.createOnboardingLink(row.customerId(), input.awsAccountType(),
                    input.awsCurConfigType(), recorder.counter());
            // The create call follows at once, and its SENDING mark records the link in the registry, where a
            // restart finds it. The row is saved with its link once the create call's outcome is known.
            row.linkCreated(link.externalId(), link.cloudformationUrl());
            return StepOutcome.DONE;
        }
        catch (CallRejectedException | InvalidAnswerException ex) {
            row.failedPermanently(Step.ONBOARDING_LINK, ex.getMessage());
            recorder.save();
            return StepOutcome.FAILED;
        }
        catch (TransientFailureException ex) {
            row.failedTransiently(Step.ONBOARDING_LINK, ex.getMessage());
            recorder.save();
            return StepOutcome.RETRY_LATER;
        }
        catch (ApiCallException ex) {
            row.failedTransiently(Step.ONBOARDING_LINK, ex.getMessage());
            recorder.save();
            throw ex;
        }
    }

    private StepOutcome send(RowRecorder recorder, IntegrationRegistry.Key key, IntegrationRequest request) {
        RowProgress row = recorder.row();
        String name = request.name();
        registry.markSending(key, name, row.externalId(), row.cloudformationUrl());
        try {
            String id = api.createIntegration(row.customerId(), request, Identities.integrationIdempotencyKey(
                    apiBaseUrl, key.customerId(), key.type(), key.integrationKey()), recorder.counter());
            row.integrationCreated(id);
            recorder.saveWith(() -> registry.markCreated(key, name, id, row.externalId(), row.cloudformationUrl()));
            log.debug("Row {}: created integration {}", row.rowNumber(), id);
            return StepOutcome.DONE;
        }
        catch (OutcomeUnknownException ex) {
            registry.markInDoubt(key, name, row.externalId(), row.cloudformationUrl());
            row.inDoubt(Step.CREATE_INTEGRATION, InDoubtMessages.integration(name, ex.getMessage()));
            recorder.save();
            return StepOutcome.FAILED;
        }
        catch (CallRejectedException ex) {
            registry.revertSending(key, name, row.externalId(), row.cloudformationUrl());
            row.failedPermanently(Step.CREATE_INTEGRATION, ex.getMessage());
            recorder.save();
            return StepOutcome.FAILED;
        }
        catch (TransientFailureException ex) {
            registry.revertSending(key, name, row.externalId(), row.cloudformationUrl());
            row.failedTransiently(Step.CREATE_INTEGRATION, ex.getMessage());
            recorder.save();
            return StepOutcome.RETRY_LATER;
        }
        catch (ApiCallException ex) {
            if (!resendInDoubt) {
                registry.revertSending(key, name, row.externalId(), row.cloudformationUrl());
            }
            row.failedTransiently(Step.CREATE_INTEGRATION, ex.getMessage());
            recorder.save();
            throw ex;
        }
    }

    private Map<String, Object> secretOf(RowProgress row) {
        CustomerRow input = row.input();
        Map<String, Object> secret = new LinkedHashMap<>();
        if (input.integrationType() == IntegrationType.AWS) {
            secret.put("role_arn", input.awsRoleArn());
            secret.put("external_id", row.externalId());
        }
        else {
            secret.put("project_id", input.gcpProjectId());
            secret.put("billing_dataset_name", input.gcpBillingDataset());
            secret.put("billing_table_name", input.gcpBillingTable());
            secret.put("service_account_key_file", keys.read(input.gcpKeyFile()));
        }
        return secret;
    }
}
