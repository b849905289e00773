package com.mspimporter.results;

import java.time.Instant;

import com.mspimporter.onboarding.RowStatus;

/** Builds results lines for tests; every column not set is empty. */
final class LineBuilder {

    static final Instant FINISHED = Instant.parse("2026-12-04T02:13:45Z");

    private final long row;
    private final String customerName;
    private final RowStatus status;
    private String customerId = "";
    private String integrationType = "";
    private String integrationId = "";
    private String externalId = "";
    private String usersAdded = "";
    private String usersFailed = "";
    private String failedStep;
    private String error;

    private LineBuilder(long row, String customerName, RowStatus status) {
        this.row = row;
        this.customerName = customerName;
        this.status = status;
    }

    static LineBuilder line(long row, String customerName, RowStatus status) {
        return new LineBuilder(row, customerName, status);
    }

    /** Starts the line of a row whose customer was created and that asked for nothing else. */
    static LineBuilder created(long row, String customerName, RowStatus status) {
        return line(row, customerName, status).customerId("c-" + row);
    }

    LineBuilder customerId(String value) {
        customerId = value;
        return this;
    }

    LineBuilder aws(String newIntegrationId, String newExternalId) {
        integrationType = "AWS";
        integrationId = newIntegrationId;
        externalId = newExternalId;
        return this;
    }

    LineBuilder gcp(String newIntegrationId) {
        integrationType = "GCP";
        integrationId = newIntegrationId;
        return this;
    }

    LineBuilder usersAdded(String value) {
        usersAdded = value;
        return this;
    }

    LineBuilder usersFailed(String value) {
        usersFailed = value;
        return this;
    }

    LineBuilder failed(String step, String message) {
        failedStep = step;
        error = message;
        return this;
    }

    LineBuilder error(String message) {
        error = message;
        return this;
    }

    ResultLine build() {
        return new ResultLine(row, customerName, status.name(), customerId, integrationType, integrationId,
                externalId, "", usersAdded, usersFailed, failedStep, error, 1,
                status == RowStatus.PENDING ? null : FINISHED.plusSeconds(row));
    }
}
