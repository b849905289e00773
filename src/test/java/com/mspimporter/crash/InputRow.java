package com.mspimporter.crash;

import java.util.List;
import java.util.Locale;

/**
 * One record of a test input file, with the status that an undisturbed import gives it against the stand-in API.
 *
 * @param customerName the {@code customer_name} cell
 * @param customerId the {@code customer_id} cell, or empty for a customer the importer creates
 * @param integrationType {@code AWS}, {@code GCP} or empty
 * @param integrationName the {@code integration_name} cell, or empty for the importer's default name
 * @param awsRoleArn the {@code aws_role_arn} cell
 * @param gcpKeyFile the {@code gcp_service_account_key_file} cell, a path relative to the input's folder
 * @param userEmails the addresses of the {@code user_emails} cell
 * @param expectedStatus the status of an undisturbed run
 * @param expectedFailedStep the {@code failed_step} of an undisturbed run, or empty
 */
record InputRow(String customerName, String customerId, String integrationType, String integrationName,
        String awsRoleArn, String gcpKeyFile, List<String> userEmails, String expectedStatus,
        String expectedFailedStep) {

    static final String HEADER = "customer_name,customer_id,integration_type,integration_name,aws_role_arn,"
            + "gcp_project_id,gcp_billing_dataset,gcp_billing_table,gcp_service_account_key_file,user_emails";

    InputRow {
        userEmails = List.copyOf(userEmails);
    }

    static InputRow aws(String customerName, String roleArn, String... emails) {
        return new InputRow(customerName, "", "AWS", "", roleArn, "", List.of(emails), "SUCCEEDED", "");
    }

    static InputRow gcp(String customerName, String keyFile, String... emails) {
        return new InputRow(customerName, "", "GCP", "", "", keyFile, List.of(emails), "SUCCEEDED", "");
    }

    static InputRow customerOnly(String customerName, String... emails) {
        return new InputRow(customerName, "", "", "", "", "", List.of(emails), "SUCCEEDED", "");
    }

    InputRow withCustomerId(String id) {
        return new InputRow(customerName, id, integrationType, integrationName, awsRoleArn, gcpKeyFile, userEmails,
                expectedStatus, expectedFailedStep);
    }

    InputRow withIntegrationName(String name) {
        return new InputRow(customerName, customerId, integrationType, name, awsRoleArn, gcpKeyFile, userEmails,
                expectedStatus, expectedFailedStep);
    }

    /** Returns this row expecting another outcome than {@code SUCCEEDED}. */
    InputRow expecting(String status, String failedStep) {
        return new InputRow(customerName, customerId, integrationType, integrationName, awsRoleArn, gcpKeyFile,
                userEmails, status, failedStep);
    }

    boolean isValid() {
        return !expectedStatus.equals("REJECTED");
    }

    boolean createsCustomer() {
        return isValid() && customerId.isEmpty();
    }

    boolean hasIntegration() {
        return !integrationType.isEmpty();
    }

    /** Returns the customer's identity as the importer compares names: trimmed, spaces collapsed, any case. */
    String customerKey() {
        return nameKey(customerName);
    }

    /** Returns the integration name that the importer sends: the cell, or the customer name and the type. */
    String effectiveIntegrationName() {
        return integrationName.isEmpty() ? customerName.strip() + "-" + integrationType : integrationName;
    }

    String toCsvLine() {
        boolean gcp = integrationType.equals("GCP");
        return String.join(",", quoted(customerName), customerId, integrationType, quoted(integrationName),
                awsRoleArn, gcp ? projectIdOf(customerName) : "", gcp ? "billing_export" : "",
                gcp ? "gcp_billing_export_v1_0A1B2C" : "", gcpKeyFile, String.join(";", userEmails));
    }

    static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Returns a valid GCP billing project id made from the customer name. */
    private static String projectIdOf(String customerName) {
        String id = customerName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-billing";
        return id.length() > 30 ? id.substring(0, 30).replaceAll("-+$", "") : id;
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
