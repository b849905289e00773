package com.mspimporter.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The columns of the input CSV, by the header names that the file uses. */
public enum Column {

    CUSTOMER_NAME("customer_name"),
    CUSTOMER_ID("customer_id"),
    INTEGRATION_TYPE("integration_type"),
    INTEGRATION_NAME("integration_name"),
    AWS_ROLE_ARN("aws_role_arn"),
    AWS_ACCOUNT_TYPE("aws_account_type"),
    AWS_CUR_CONFIG_TYPE("aws_cur_config_type"),
    GCP_PROJECT_ID("gcp_project_id"),
    GCP_BILLING_DATASET("gcp_billing_dataset"),
    GCP_BILLING_TABLE("gcp_billing_table"),
    GCP_SERVICE_ACCOUNT_KEY_FILE("gcp_service_account_key_file"),
    USER_EMAILS("user_emails"),
    USER_ROLE("user_role");

    private final String header;

    Column(String header) {
        this.header = header;
    }

    /** Returns the header name as the file writes it, for example {@code customer_name}. */
    public String header() {
        return header;
    }

    /** Finds the column of a header cell, ignoring case and surrounding spaces. */
    public static Optional<Column> fromHeader(String cell) {
        String wanted = cell.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(column -> column.header.equals(wanted)).findFirst();
    }
}
