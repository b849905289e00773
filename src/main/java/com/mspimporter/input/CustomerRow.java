package com.mspimporter.input;

import java.util.List;

/**
 * A valid input row, with defaults applied, ready to be onboarded.
 *
 * @param rowNumber the record's number in the file, starting at 1
 * @param lineNumber the physical line on which the record starts
 * @param customerName the customer's name as written in the file, trimmed
 * @param customerId an existing customer's id to use instead of creating one, or {@code null}
 * @param integrationType the integration to create
 * @param integrationName the integration's name, defaulted to {@code <customer_name>-AWS} or {@code -GCP};
 *        {@code null} when there is no integration
 * @param awsRoleArn the IAM role of an AWS integration, or {@code null}
 * @param awsAccountType the AWS account type, {@code payer} by default, or {@code null} for other types
 * @param awsCurConfigType the AWS cost and usage report type, {@code cur} by default, or {@code null}
 * @param gcpProjectId the billing project of a GCP integration, or {@code null}
 * @param gcpBillingDataset the BigQuery dataset of the billing export, or {@code null}
 * @param gcpBillingTable the BigQuery table of the billing export, or {@code null}
 * @param gcpKeyFile the absolute, normalised path of the service-account key file, or {@code null};
 *        the key itself is read only when the integration is created
 * @param userEmails the users to add, in file order without duplicates; empty for none
 * @param userRole the role given to the users, {@code MSP-Admin} by default
 */
public record CustomerRow(
        long rowNumber,
        long lineNumber,
        String customerName,
        String customerId,
        IntegrationType integrationType,
        String integrationName,
        String awsRoleArn,
        String awsAccountType,
        String awsCurConfigType,
        String gcpProjectId,
        String gcpBillingDataset,
        String gcpBillingTable,
        String gcpKeyFile,
        List<String> userEmails,
        String userRole) {

    public CustomerRow {
        userEmails = List.copyOf(userEmails);
    }

    public boolean hasIntegration() {
        return integrationType != IntegrationType.NONE;
    }

    public boolean hasUsers() {
        return !userEmails.isEmpty();
    }
}
