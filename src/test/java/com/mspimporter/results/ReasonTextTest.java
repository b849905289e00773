package com.mspimporter.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.mspimporter.results.ReasonText.ColumnProblem;

class ReasonTextTest {

    @Test
    void callErrorKeepsStatusAndApiMessage() {
        assertThat(ReasonText.ofCallError("HTTP 409 from the API: An integration with this name already exists",
                "Tidewater Marine")).isEqualTo("HTTP 409 from the API: An integration with this name already exists");
    }

    @Test
    void callErrorReplacesCustomerNameInAnyCase() {
        assertThat(ReasonText.ofCallError("HTTP 400 from the API: NORTHWIND ANALYTICS is blocked",
                "Northwind Analytics")).isEqualTo("HTTP 400 from the API: [customer name] is blocked");
    }

    @Test
    void callErrorLeavesShortNamesAlone() {
        assertThat(ReasonText.ofCallError("HTTP 400 from the API: A name is required", "A"))
                .isEqualTo("HTTP 400 from the API: A name is required");
    }

    @Test
    void callErrorReplacesIdsEmailsAndQuotedValues() {
        String error = "HTTP 404 from the API: customer 84dc8074-1b2c-4d5e-8f90-a1b2c3d4e5f6 has no user"
                + " dana@example.com in tenant cus_82734612 named \"Blue\" or 'Green'";

        assertThat(ReasonText.ofCallError(error, "Someone Else")).isEqualTo("HTTP 404 from the API: customer [id]"
                + " has no user [email] in tenant [id] named \"…\" or '…'");
    }

    @Test
    void callErrorKeepsApostrophesInWords() {
        assertThat(ReasonText.ofCallError("HTTP 400 from the API: The customer's plan isn't active", "Acme"))
                .isEqualTo("HTTP 400 from the API: The customer's plan isn't active");
    }

    @Test
    void callErrorReplacesCountsButKeepsStatuses() {
        String error = "Adding users was not retried because the API asked to wait 300 s, longer than the 120 s"
                + " allowed by importer.retry.max-retry-after (the API answered HTTP 429 Too Many Requests).";

        assertThat(ReasonText.ofCallError(error, "Acme")).isEqualTo("Adding users was not retried because the API"
                + " asked to wait [number] s, longer than the [number] s allowed by importer.retry.max-retry-after"
                + " (the API answered HTTP 429 Too Many Requests).");
    }

    @Test
    void callErrorIsShortenedToTheMaximum() {
        String reason = ReasonText.ofCallError("HTTP 400 from the API: " + "very long ".repeat(100), "Acme");

        assertThat(reason).hasSize(ReasonText.MAX_LENGTH);
        assertThat(reason).endsWith("…");
    }

    @Test
    void rejectionSplitsIntoOneProblemPerColumn() {
        String error = "aws_role_arn 'arn:aws:iam::48291573610:role/FinOps' must be arn:aws:iam::<12-digit account"
                + " id>:role/<role name>; the account id has 11 digits. user_emails 'a b. c' is not a valid email"
                + " address; separate addresses with ';'. user_role 'Admin!' may contain only letters, digits,"
                + " spaces, '-' and '_', up to 100 characters.";

        List<ColumnProblem> problems = ReasonText.ofRejection(error);

        assertThat(problems).containsExactly(
                new ColumnProblem("aws_role_arn", "aws_role_arn '…' must be arn:aws:iam::<12-digit account"
                        + " id>:role/<role name>; the account id has 11 digits."),
                new ColumnProblem("user_emails", "user_emails '…' is not a valid email address; separate addresses"
                        + " with ';'."),
                new ColumnProblem("user_role", "user_role '…' may contain only letters, digits, spaces, '-' and"
                        + " '_', up to 100 characters."));
    }

    @Test
    void rejectionReplacesLengthsAndJsonPositions() {
        List<ColumnProblem> problems = ReasonText.ofRejection("customer_name 'Aaaa...' is 312 characters long;"
                + " the maximum is 200. gcp_service_account_key_file 'keys/x.json' is not valid JSON (error at line"
                + " 3, column 17).");

        assertThat(problems).extracting(ColumnProblem::problem).containsExactly(
                "customer_name '…' is too long; the maximum is 200.",
                "gcp_service_account_key_file '…' is not valid JSON (error at line …).");
    }

    @Test
    void rejectionWithoutQuotedCellIsKept() {
        assertThat(ReasonText.ofRejection("gcp_project_id is empty; a GCP row needs the billing project id."))
                .containsExactly(new ColumnProblem("gcp_project_id",
                        "gcp_project_id is empty; a GCP row needs the billing project id."));
    }
}
