package com.mspimporter.results;

import java.time.Instant;

/**
 * One line of the results file, in the order of its columns.
 *
 * @param row the record's number in the input file
 * @param usersAdded the added emails, separated by {@code ;}
 * @param usersFailed {@code email: reason} pairs, separated by {@code ; }
 * @param finishedAt when the row reached its status, or {@code null} while {@code PENDING}
 */
public record ResultLine(
        long row,
        String customerName,
        String status,
        String customerId,
        String integrationType,
        String integrationId,
        String externalId,
        String cloudformationUrl,
        String usersAdded,
        String usersFailed,
        String failedStep,
        String error,
        int attempts,
        Instant finishedAt) {
}
