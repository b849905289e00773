package com.mspimporter.crash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;

import com.mspimporter.standin.Endpoint;

/**
 * Checks what a killed and restarted import left behind against the requests that the stand-in API received:
 * nothing was created twice, every record has a final status in the results, and only rows whose create call
 * lost its response in the killed run are {@code IN_DOUBT}.
 */
final class RecoveryCheck {

    static final Set<String> FINAL_STATUSES = Set.of("SUCCEEDED", "PARTIAL", "FAILED", "REJECTED", "IN_DOUBT");

    private static final String IN_DOUBT = "IN_DOUBT";
    private static final String CREATE_CUSTOMER = "create_customer";
    private static final String CREATE_INTEGRATION = "create_integration";

    private final CrashScenario scenario;
    private final List<ApiExchange> exchanges;
    private final ResultsCsv baseline;
    private final Map<String, List<ApiExchange>> customerCreates = new LinkedHashMap<>();
    private final Map<String, List<ApiExchange>> integrationCreates = new LinkedHashMap<>();
    private final Map<String, Set<String>> issuedCustomerIds = new LinkedHashMap<>();
    private final Set<String> issuedExternalIds = new TreeSet<>();

    /**
     * @param baseline the results of an undisturbed run of the same scenario
     */
    RecoveryCheck(CrashScenario scenario, List<ApiExchange> exchanges, ResultsCsv baseline) {
        this.scenario = scenario;
        this.exchanges = List.copyOf(exchanges);
        this.baseline = baseline;
        for (ApiExchange exchange : exchanges) {
            if (exchange.is(Endpoint.CREATE_CUSTOMER)) {
                String key = InputRow.nameKey(exchange.request().path("name").asString(""));
                customerCreates.computeIfAbsent(key, k -> new ArrayList<>()).add(exchange);
                if (exchange.succeeded()) {
                    issuedCustomerIds.computeIfAbsent(key, k -> new TreeSet<>())
                            .add(exchange.response().path("data").path("customer_id").asString(""));
                }
            } else if (exchange.is(Endpoint.CREATE_INTEGRATION)) {
                integrationCreates.computeIfAbsent(integrationKey(exchange), k -> new ArrayList<>()).add(exchange);
            } else if (exchange.is(Endpoint.ONBOARDING_LINK) && exchange.succeeded()) {
                issuedExternalIds.add(exchange.response().path("data").path("external_id").asString(""));
            }
        }
    }

    /** Returns the request whose response was held back until the importer was dead, if the kill point had one. */
    Optional<ApiExchange> withheld() {
        return exchanges.stream().filter(ApiExchange::withheld).findFirst();
    }

    /**
     * Asserts that no customer and no integration was requested again after a request that may have created it.
     * Only a 4xx or 503 response proves that a create call had no effect, so only such a request may be
     * followed by another one for the same customer or integration.
     */
    void checkNothingCreatedTwice(SoftAssertions soft) {
        String rule = "each but the last with a 4xx or 503 response";
        customerCreates.forEach((key, creates) -> soft.assertThat(describe(creates))
                .as("create_customer requests for customer '%s', %s", key, rule)
                .hasSize(1 + countWithoutEffect(creates)));
        integrationCreates.forEach((key, creates) -> soft.assertThat(describe(creates))
                .as("create_integration requests for integration %s, %s", key, rule)
                .hasSize(1 + countWithoutEffect(creates)));
    }

    /** Returns how many of the requests before the last one got a response that proves no effect. */
    private static int countWithoutEffect(List<ApiExchange> creates) {
        int count = 0;
        for (ApiExchange create : creates.subList(0, creates.size() - 1)) {
            if (create.provesNoEffect()) {
                count++;
            }
        }
        return count;
    }

    /** Asserts that the results have exactly one line with a final status per input record, in input order. */
    void checkEveryRecordFinished(SoftAssertions soft, ResultsCsv results) {
        List<String> expectedRows = new ArrayList<>();
        for (int row = 1; row <= scenario.rows().size(); row++) {
            expectedRows.add(Integer.toString(row));
        }
        soft.assertThat(results.column("row")).as("row numbers of the results").isEqualTo(expectedRows);
        soft.assertThat(results.column("status")).as("statuses of the results")
                .doesNotContain("PENDING")
                .isSubsetOf(FINAL_STATUSES);
        soft.assertThat(results.column("finished_at")).as("finished_at of the results").doesNotContain("");
    }

    /**
     * Asserts the status of every row: {@code IN_DOUBT} only where a create call of the killed run may have lost
     * its response, and otherwise the status and ids of an undisturbed run.
     *
     * @param exactInDoubt whether the rows of the withheld create call must be the only {@code IN_DOUBT} rows,
     *     which holds when the importer had nothing else in flight at the kill
     */
    void checkStatuses(SoftAssertions soft, ResultsCsv results, boolean exactInDoubt) {
        Set<Integer> mustBeInDoubt = rowsOfWithheldCreate();
        for (int i = 0; i < scenario.rows().size(); i++) {
            int rowNumber = i + 1;
            InputRow row = scenario.rows().get(i);
            Map<String, String> line = results.line(rowNumber);
            String status = line.get("status");
            if (mustBeInDoubt.contains(rowNumber)) {
                soft.assertThat(status).as("status of row %d, whose create call was killed before its response",
                        rowNumber).isEqualTo(IN_DOUBT);
            } else if (exactInDoubt) {
                soft.assertThat(status).as("status of row %d, which had no create call in flight at the kill",
                        rowNumber).isNotEqualTo(IN_DOUBT);
            }
            if (status.equals(IN_DOUBT)) {
                checkInDoubtRow(soft, rowNumber, row, line);
            } else {
                checkSettledRow(soft, rowNumber, row, line);
            }
        }
    }

    /** Asserts the exit code that the final statuses call for: 3 when a row needs a person, else 0. */
    void checkExitCode(SoftAssertions soft, ResultsCsv results, int exitCode) {
        boolean needsPerson = results.column("status").stream().anyMatch(status -> !status.equals("SUCCEEDED"));
        soft.assertThat(exitCode).as("exit code of the last run").isEqualTo(needsPerson ? 3 : 0);
    }

    /** Returns the rows that are {@code IN_DOUBT} although no request of their create call reached the API. */
    List<Integer> inDoubtWithoutRequest(ResultsCsv results) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < scenario.rows().size(); i++) {
            InputRow row = scenario.rows().get(i);
            Map<String, String> line = results.line(i + 1);
            if (line.get("status").equals(IN_DOUBT)
                    && createsOf(row, line.get("failed_step"), line.get("customer_id")).isEmpty()) {
                rows.add(i + 1);
            }
        }
        return rows;
    }

    /** Returns a short label of what a request did, such as {@code create_customer 'Elm Freight'}. */
    static String label(ApiExchange exchange) {
        if (exchange.is(Endpoint.CREATE_CUSTOMER)) {
            return CREATE_CUSTOMER + " '" + exchange.request().path("name").asString("") + "'";
        }
        if (exchange.is(Endpoint.CREATE_INTEGRATION)) {
            return CREATE_INTEGRATION + " '" + exchange.request().path("name").asString("") + "'";
        }
        if (exchange.is(Endpoint.ONBOARDING_LINK)) {
            return "onboarding_link";
        }
        return exchange.is(Endpoint.ADD_USERS) ? "add_users" : exchange.path();
    }

    private void checkInDoubtRow(SoftAssertions soft, int rowNumber, InputRow row, Map<String, String> line) {
        String step = line.get("failed_step");
        soft.assertThat(line.get("error")).as("error of IN_DOUBT row %d", rowNumber).isNotBlank();
        soft.assertThat(step).as("failed_step of IN_DOUBT row %d", rowNumber)
                .isIn(CREATE_CUSTOMER, CREATE_INTEGRATION);
        soft.assertThat(row.isValid()).as("row %d is valid, as an IN_DOUBT row must be", rowNumber).isTrue();
        List<ApiExchange> creates = createsOf(row, step, line.get("customer_id"));
        List<String> resent = creates.stream().filter(exchange -> exchange.run() > 0).map(ApiExchange::describe)
                .toList();
        soft.assertThat(resent).as("create requests that a restart sent for IN_DOUBT row %d", rowNumber).isEmpty();
        if (step.equals(CREATE_CUSTOMER)) {
            soft.assertThat(line.get("customer_id")).as("customer_id of row %d with its customer in doubt", rowNumber)
                    .isEmpty();
        } else if (step.equals(CREATE_INTEGRATION)) {
            soft.assertThat(customerIdsOf(row)).as("customer ids that the API issued for row %d", rowNumber)
                    .contains(line.get("customer_id"));
            checkUsers(soft, rowNumber, line);
        }
    }

    private void checkSettledRow(SoftAssertions soft, int rowNumber, InputRow row, Map<String, String> line) {
        soft.assertThat(line.get("status")).as("status of row %d", rowNumber).isEqualTo(row.expectedStatus());
        soft.assertThat(line.get("failed_step")).as("failed_step of row %d", rowNumber)
                .isEqualTo(row.expectedFailedStep());
        if (!row.isValid()) {
            soft.assertThat(customerCreates).as("create_customer requests for the invalid row %d", rowNumber)
                    .doesNotContainKey(row.customerKey());
            return;
        }
        if (!row.expectedStatus().equals("FAILED")) {
            soft.assertThat(line.get("customer_id")).as("customer_id of row %d", rowNumber).isNotEmpty();
            soft.assertThat(customerIdsOf(row)).as("customer ids that the API issued for row %d", rowNumber)
                    .contains(line.get("customer_id"));
        }
        if (row.hasIntegration() && !line.get("customer_id").isEmpty()) {
            checkIntegration(soft, rowNumber, row, line);
        }
        Map<String, String> undisturbed = baseline.line(rowNumber);
        for (String column : List.of("customer_id", "integration_id", "external_id", "cloudformation_url")) {
            soft.assertThat(line.get(column).isEmpty()).as("%s of row %d is empty, as in an undisturbed run",
                    column, rowNumber).isEqualTo(undisturbed.get(column).isEmpty());
        }
        checkUsers(soft, rowNumber, line);
    }

    private void checkIntegration(SoftAssertions soft, int rowNumber, InputRow row, Map<String, String> line) {
        String integrationId = line.get("integration_id");
        List<ApiExchange> created = integrationCreatesOf(row, line.get("customer_id")).stream()
                .filter(ApiExchange::succeeded)
                .toList();
        if (created.isEmpty()) {
            soft.assertThat(integrationId).as("integration_id of row %d, whose integration was not created",
                    rowNumber).isEmpty();
            return;
        }
        Optional<ApiExchange> matching = created.stream()
                .filter(exchange -> integrationIdOf(exchange).equals(integrationId))
                .findFirst();
        soft.assertThat(matching).as("the create_integration response with the integration_id %s of row %d, among %s",
                integrationId, rowNumber, describe(created)).isPresent();
        if (row.integrationType().equals("AWS") && matching.isPresent()) {
            String sentExternalId = matching.get().request().path("integration_secret").path("external_id")
                    .asString("");
            soft.assertThat(line.get("external_id")).as("external_id of row %d, as sent with its integration",
                    rowNumber).isEqualTo(sentExternalId);
            soft.assertThat(issuedExternalIds).as("external ids that the API issued, for row %d", rowNumber)
                    .contains(sentExternalId);
        }
    }

    private void checkUsers(SoftAssertions soft, int rowNumber, Map<String, String> line) {
        Map<String, String> undisturbed = baseline.line(rowNumber);
        soft.assertThat(line.get("users_added")).as("users_added of row %d", rowNumber)
                .isEqualTo(undisturbed.get("users_added"));
        soft.assertThat(line.get("users_failed")).as("users_failed of row %d", rowNumber)
                .isEqualTo(undisturbed.get("users_failed"));
    }

    /** Returns the rows whose customer or integration the withheld request was creating. */
    private Set<Integer> rowsOfWithheldCreate() {
        Set<Integer> rows = new TreeSet<>();
        Optional<ApiExchange> withheld = withheld().filter(ApiExchange::isCreate);
        if (withheld.isEmpty()) {
            return rows;
        }
        for (int i = 0; i < scenario.rows().size(); i++) {
            InputRow row = scenario.rows().get(i);
            boolean ofRow = withheld.get().is(Endpoint.CREATE_CUSTOMER)
                    ? createsOf(row, CREATE_CUSTOMER, "").contains(withheld.get())
                    : customerIdsOf(row).stream()
                            .anyMatch(id -> integrationCreatesOf(row, id).contains(withheld.get()));
            if (ofRow) {
                rows.add(i + 1);
            }
        }
        return rows;
    }

    /**
     * Returns the create requests of a row's customer or integration, by the step's name.
     *
     * @param customerId the customer of the integration
     */
    private List<ApiExchange> createsOf(InputRow row, String step, String customerId) {
        if (CREATE_CUSTOMER.equals(step)) {
            return row.createsCustomer() ? customerCreates.getOrDefault(row.customerKey(), List.of()) : List.of();
        }
        return CREATE_INTEGRATION.equals(step) ? integrationCreatesOf(row, customerId) : List.of();
    }

    private List<ApiExchange> integrationCreatesOf(InputRow row, String customerId) {
        if (!row.hasIntegration() || customerId.isEmpty()) {
            return List.of();
        }
        String key = customerId + "|" + row.integrationType() + "|" + InputRow.nameKey(row.effectiveIntegrationName());
        return integrationCreates.getOrDefault(key, List.of());
    }

    /** Returns the row's possible customer ids: the one given in the file, or those the API issued for its name. */
    private Set<String> customerIdsOf(InputRow row) {
        if (!row.customerId().isEmpty()) {
            return Set.of(row.customerId());
        }
        return issuedCustomerIds.getOrDefault(row.customerKey(), Set.of());
    }

    private static String integrationIdOf(ApiExchange exchange) {
        return exchange.response().path("data").path("customer_integration").path("integration_id").asString("");
    }

    private static String integrationKey(ApiExchange exchange) {
        return exchange.customerIdInPath() + "|" + exchange.request().path("type").asString("") + "|"
                + InputRow.nameKey(exchange.request().path("name").asString(""));
    }

    private static List<String> describe(List<ApiExchange> creates) {
        return creates.stream().map(exchange -> exchange.describe() + " in run " + exchange.run())
                .collect(Collectors.toList());
    }
}
