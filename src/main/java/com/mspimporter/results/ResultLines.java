package com.mspimporter.results;

import java.util.stream.Collectors;

import com.mspimporter.onboarding.RowProgress;

/** Turns the stored state of a row into its line of the results file. */
public final class ResultLines {

    private ResultLines() {
    }

    public static ResultLine of(RowProgress row) {
        String usersFailed = row.usersFailed().stream()
                .map(user -> user.email() + ": " + user.reason())
                .collect(Collectors.joining("; "));
        return new ResultLine(row.rowNumber(), row.customerName(), row.status().name(), row.customerId(),
                row.integrationTypeText() == null || "NONE".equals(row.integrationTypeText()) ? ""
                        : row.integrationTypeText(),
                row.integrationId(), row.externalId(), row.cloudformationUrl(), String.join(";", row.usersAdded()),
                usersFailed, row.failedStep() == null ? null : row.failedStep().label(), row.error(), row.attempts(),
                row.finishedAt());
    }
}
