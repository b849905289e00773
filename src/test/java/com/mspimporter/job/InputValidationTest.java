package com.mspimporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.standin.Endpoint;

/**
 * Whole-job runs of files with invalid rows: rejected rows make no call and are reported by column, a file with
 * too many of them is refused, and a dry run only validates.
 */
class InputValidationTest {

    private static final String ROWS_WITH_THREE_INVALID = ImportFixture.HEADER
            + "Alder Mills,,,,,,,,,,,ann@alder.example,\n"
            + "Birch Textiles,,Azure,,,,,,,,,bo@birch.example,\n"
            + ",,,,,,,,,,,,\n"
            + "Cedar Works,,AWS,,arn:aws:iam::12345:role/Reader,,,,,,,not-an-email,\n"
            + ",,,,,,,,,,,cy@nameless.example,\n"
            + "Dunmore Ltd,,,,,,,,,,,,\n"
            + "Elm Street Bakery,,,,,,,,,,,ed@elm.example,\n"
            + "Fallow Farms,,,,,,,,,,,,\n";

    @TempDir
    Path folder;

    private ImportFixture fixture;

    @BeforeEach
    void startApi() {
        fixture = new ImportFixture(folder);
    }

    @AfterEach
    void stopApi() {
        fixture.close();
    }

    @Test
    void invalidRowsAreRejectedWithoutCalls() {
        Path csv = fixture.write("customers.csv", ROWS_WITH_THREE_INVALID);

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isEqualTo(3);
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.column("row")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(results.column("customer_name")).containsExactly("Alder Mills", "Birch Textiles", "Cedar Works",
                "", "Dunmore Ltd", "Elm Street Bakery", "Fallow Farms");
        assertThat(results.column("status")).containsExactly("SUCCEEDED", "REJECTED", "REJECTED", "REJECTED",
                "SUCCEEDED", "SUCCEEDED", "SUCCEEDED");

        Map<String, String> badType = results.row(2);
        assertThat(badType.get("error")).contains("integration_type").contains("Azure");
        assertThat(badType.get("integration_type")).isEqualTo("Azure");
        Map<String, String> twoProblems = results.row(3);
        assertThat(twoProblems.get("error")).contains("aws_role_arn").contains("user_emails");
        assertThat(results.row(4).get("error")).contains("customer_name");
        for (int row = 2; row <= 4; row++) {
            Map<String, String> rejected = results.row(row);
            assertThat(rejected.get("customer_id")).as("customer_id of row %d", row).isEmpty();
            assertThat(rejected.get("failed_step")).as("failed_step of row %d", row).isEmpty();
            assertThat(rejected.get("attempts")).as("attempts of row %d", row).isEqualTo("0");
            assertThat(rejected.get("finished_at")).as("finished_at of row %d", row).isNotEmpty();
        }

        ApiJournal journal = new ApiJournal(fixture.api().server());
        assertThat(journal.to(Endpoint.CREATE_CUSTOMER))
                .extracting(call -> ApiJournal.requestBody(call).path("name").stringValue())
                .containsExactlyInAnyOrder("Alder Mills", "Dunmore Ltd", "Elm Street Bakery", "Fallow Farms");
        assertThat(journal.to(Endpoint.ONBOARDING_LINK)).isEmpty();
        assertThat(journal.to(Endpoint.CREATE_INTEGRATION)).isEmpty();
        assertThat(journal.to(Endpoint.ADD_USERS))
                .extracting(call -> ApiJournal.requestBody(call).path("user_emails").get(0).stringValue())
                .containsExactlyInAnyOrder("ann@alder.example", "ed@elm.example");
    }

    @Test
    void tooManyRejectedRowsRefuseFile() {
        Path csv = fixture.write("customers.csv", ROWS_WITH_THREE_INVALID);

        int exitCode = fixture.run(csv, "--importer.max-rejected-rows=1");

        assertThat(exitCode).isEqualTo(2);
        assertThat(fixture.api().requestCount()).isZero();
    }

    @Test
    void refusedFileIsImportedOnceLimitIsRaised() {
        Path csv = fixture.write("customers.csv", ROWS_WITH_THREE_INVALID);
        assertThat(fixture.run(csv, "--importer.max-rejected-rows=1")).isEqualTo(2);

        int exitCode = fixture.run(csv, "--importer.max-rejected-rows=3");

        assertThat(exitCode).isEqualTo(3);
        assertThat(fixture.api().requestCount(Endpoint.CREATE_CUSTOMER)).isEqualTo(4);
        assertThat(fixture.resultsOf(csv).column("status")).containsExactly("SUCCEEDED", "REJECTED", "REJECTED",
                "REJECTED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
    }

    @Test
    void headerOnlyFileSucceedsWithoutCalls() {
        Path csv = fixture.write("customers.csv", ImportFixture.HEADER);

        int exitCode = fixture.run(csv);

        assertThat(exitCode).isZero();
        assertThat(fixture.api().requestCount()).isZero();
        assertThat(fixture.resultsOf(csv).lines()).isEmpty();
    }

    @Test
    void dryRunOfValidFileCallsNothing() {
        Path csv = fixture.write("customers.csv", "customer_name,user_emails\n"
                + "Alder Mills,ann@alder.example\n"
                + "Birch Textiles,\n");

        int exitCode = fixture.run(csv, "--dry-run");

        assertThat(exitCode).isZero();
        assertThat(fixture.api().requestCount()).isZero();
        assertThat(fixture.resultsOf(csv).column("status")).containsExactly("VALID", "VALID");
        assertThat(fixture.folder().resolve("jobdb.mv.db")).doesNotExist();
    }

    @Test
    void dryRunReportsRejectedRows() {
        Path csv = fixture.write("customers.csv", ROWS_WITH_THREE_INVALID);

        int exitCode = fixture.run(csv, "--dry-run");

        assertThat(exitCode).isEqualTo(3);
        assertThat(fixture.api().requestCount()).isZero();
        ResultsFile results = fixture.resultsOf(csv);
        assertThat(results.column("row")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(results.column("status"))
                .containsExactly("VALID", "REJECTED", "REJECTED", "REJECTED", "VALID", "VALID", "VALID");
        assertThat(results.row(2).get("error")).contains("integration_type");
        assertThat(results.row(3).get("error")).contains("aws_role_arn").contains("user_emails");
        assertThat(results.column("customer_id")).containsOnly("");
        assertThat(fixture.folder().resolve("jobdb.mv.db")).doesNotExist();
    }
}
