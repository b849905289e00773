package com.mspimporter.input;

import static com.mspimporter.input.CsvFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads and validates the sample files under {@code src/test/resources/input/corpus}, each of which
 * reproduces one way spreadsheets and editors damage CSV files. Their fake private keys contain
 * {@code DO-NOT-LOG}, so that a leak is easy to search for.
 */
class CorpusFilesTest {

    private static final String KEY_CANARY = "DO-NOT-LOG";

    private static Path corpus;
    private static RowValidator validator;

    @BeforeAll
    static void locateCorpus() throws URISyntaxException {
        corpus = Path.of(CorpusFilesTest.class.getResource("/input/corpus").toURI());
        validator = new RowValidator(corpus);
    }

    private static List<CsvRecord> read(String name) {
        return readAll(corpus.resolve(name));
    }

    private static List<RowValidation> validate(List<CsvRecord> records) {
        List<RowValidation> validations = records.stream().map(validator::validate).toList();
        assertThat(validations).allSatisfy(validation -> assertThat(validation.errorText()).doesNotContain(KEY_CANARY));
        return validations;
    }

    private static List<CustomerRow> validRows(List<CsvRecord> records) {
        List<RowValidation> validations = validate(records);
        assertThat(validations).allSatisfy(validation -> assertThat(validation.problems()).isEmpty());
        return validations.stream().map(RowValidation::row).toList();
    }

    /** Reads records until the reader raises, collecting the records read before that, and returns the exception. */
    private static InputFileException readUntilRejected(String name, List<CsvRecord> readBefore) {
        try (CustomerCsvReader reader = CustomerCsvReader.open(corpus.resolve(name), CsvFiles.utf8())) {
            return catchThrowableOfType(InputFileException.class, () -> {
                for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                    readBefore.add(record);
                }
            });
        }
    }

    private static Path key(String name) {
        return corpus.resolve("keys").resolve(name).toAbsolutePath().normalize();
    }

    @Test
    void byteOrderMarkIsNotPartOfFirstColumn() {
        List<CsvRecord> records = read("01_utf8_bom_header.csv");

        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(record -> assertThat(record.values().values())
                .allSatisfy(value -> assertThat(value).doesNotContain("\uFEFF")));
        List<CustomerRow> rows = validRows(records);
        assertThat(rows).extracting(CustomerRow::customerName).containsExactly("Acme Corp", "Caf\u00E9 Exemple SARL");
        assertThat(rows.get(1).gcpKeyFile()).isEqualTo(key("cafe-example-01-2a4e05e5.json").toString());
        assertThat(rows.get(1).userEmails()).containsExactly("carol@example.com");
    }

    @Test
    void semicolonSeparatedFileIsRejected() {
        assertThatThrownBy(() -> read("02_semicolon_delimiter_excel_eu.csv"))
                .isInstanceOfSatisfying(InputFileException.class, error ->
                        assertThat(error.lineNumber()).isEqualTo(1))
                .hasMessage("The header on line 1 is separated by semicolons, as Excel saves CSV in many European"
                        + " locales; save the file as comma-separated CSV instead.");
    }

    @Test
    void crlfLineEndingsLeaveNoCarriageReturn() {
        List<CsvRecord> records = read("04_crlf_line_endings.csv");

        assertThat(records).hasSize(3);
        assertThat(records).allSatisfy(record -> assertThat(record.values().values())
                .allSatisfy(value -> assertThat(value).doesNotContain("\r")));
        List<CustomerRow> rows = validRows(records);
        assertThat(rows).extracting(CustomerRow::customerName)
                .containsExactly("Acme Corp", "Globex Ltd", "Initech Inc");
        assertThat(rows.get(2).userRole()).isEqualTo("MSP-User");
        assertThat(rows.get(1).gcpKeyFile()).isEqualTo(key("globex-example-01-8bd62287.json").toString());
    }

    @Test
    void multilineCellsAndDoubledQuotesGiveFourRecords() {
        List<CsvRecord> records = read("05_multiline_cells_and_doubled_quotes.csv");

        assertThat(records).extracting(CsvRecord::rowNumber).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2L, 3L, 4L, 6L);
        List<CustomerRow> rows = validRows(records);
        assertThat(rows).extracting(CustomerRow::customerName)
                .containsExactly("Acme \"Rocket\" Corp", "Globex Ltd", "Initech Inc", "Umbrella Example LLC");
        assertThat(rows.get(2).userEmails()).containsExactly("dave@example.com", "erin@example.com");
        assertThat(rows.get(2).userRole()).isEqualTo("MSP-User");
    }

    @Test
    void headerInOtherCaseAndSpacesFillsEveryField() {
        List<CsvRecord> records = read("08_header_case_and_spaces.csv");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).values()).containsAllEntriesOf(Map.of(
                Column.CUSTOMER_NAME, "Acme Corp",
                Column.INTEGRATION_TYPE, "AWS",
                Column.INTEGRATION_NAME, "acme-aws-prod",
                Column.AWS_ROLE_ARN, "arn:aws:iam::123456789012:role/AcmeCostReader",
                Column.USER_EMAILS, "alice@example.com;bob@example.com",
                Column.USER_ROLE, "MSP-Admin"));
        assertThat(records.get(1).values()).containsAllEntriesOf(Map.of(
                Column.CUSTOMER_NAME, "Globex Ltd",
                Column.INTEGRATION_TYPE, "GCP",
                Column.INTEGRATION_NAME, "globex-gcp-billing",
                Column.GCP_PROJECT_ID, "globex-example-01",
                Column.GCP_BILLING_DATASET, "billing_export",
                Column.GCP_BILLING_TABLE, "gcp_billing_export_v1_000000_AAAAAA_BBBBBB",
                Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "keys/globex-example-01-aafa4908.json",
                Column.USER_EMAILS, "carol@example.com",
                Column.USER_ROLE, "MSP-User"));
        List<CustomerRow> rows = validRows(records);
        assertThat(rows.get(0).userEmails()).containsExactly("alice@example.com", "bob@example.com");
        assertThat(rows.get(1).integrationName()).isEqualTo("globex-gcp-billing");
    }

    @Test
    void duplicateHeaderColumnIsRejected() {
        assertThatThrownBy(() -> read("10_duplicate_header_column.csv"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("Column user_emails appears twice in the header, as column 9 and column 11; remove one"
                        + " of them.");
    }

    @Test
    void nulByteIsRejected() {
        List<CsvRecord> readBefore = new ArrayList<>();

        InputFileException error = readUntilRejected("13_nul_bytes.csv", readBefore);

        assertThat(error).hasMessageStartingWith("Line 3 contains a NUL character");
        assertThat(error.lineNumber()).isEqualTo(3);
        assertThat(readBefore).extracting(record -> record.value(Column.CUSTOMER_NAME)).containsExactly("Acme Corp");
    }

    @Test
    void typographicClosingQuoteIsRejected() {
        List<CsvRecord> readBefore = new ArrayList<>();

        InputFileException error = readUntilRejected("14_unclosed_quote.csv", readBefore);

        assertThat(error).hasMessage("Line 3 opens a quoted value that runs on into line 4, which looks like a row"
                + " of its own; close the value on line 3 with a straight quote (\"), not a typographic one"
                + " (\u201D).");
        assertThat(error.lineNumber()).isEqualTo(3);
        assertThat(readBefore).extracting(record -> record.value(Column.CUSTOMER_NAME)).containsExactly("Acme Corp");
    }

    @Test
    void spreadsheetDamagedIdsAreRejected() {
        List<RowValidation> validations = validate(read("16_account_id_leading_zero_and_sci_notation.csv"));

        assertThat(validations).extracting(validation -> validation.record().value(Column.CUSTOMER_NAME))
                .containsExactly("Acme Corp", "Globex Ltd", "Initech Inc", "Hooli Example", "Soylent Example",
                        "Vandelay Industries");
        assertThat(validations).extracting(RowValidation::isValid)
                .containsExactly(true, false, false, false, false, true);
        assertThat(validations.get(0).row().awsRoleArn()).isEqualTo("arn:aws:iam::012345678901:role/AcmeCostReader");
        assertThat(validations.get(5).row().awsRoleArn()).isEqualTo("arn:aws:iam::098765432109:role/VandelayCost");
        assertThat(validations.get(1).problems()).containsExactly("aws_role_arn"
                + " 'arn:aws:iam::12345678901:role/GlobexCost' must be arn:aws:iam::<12-digit account id>:role/<role"
                + " name>; the account id has 11 digits, which happens when a spreadsheet drops a leading zero, but"
                + " an AWS account id has exactly 12.");
        assertThat(validations.get(2).problems()).containsExactly("aws_role_arn"
                + " 'arn:aws:iam::1.23457E+11:role/InitechCost' has its account id in scientific notation, which a"
                + " spreadsheet shows for long numbers and which loses digits; format the column as text and type"
                + " the value again.");
        assertThat(validations.get(3).problems()).containsExactly("aws_role_arn '123456789012' is an account id,"
                + " not a role ARN; write arn:aws:iam::<12-digit account id>:role/<role name>.");
        assertThat(validations.get(4).problems()).containsExactly("gcp_project_id '4.56789E+11' is a number in"
                + " scientific notation, which a spreadsheet shows for long numbers and which loses digits; format"
                + " the column as text and type the value again; a project id is 6 to 30 lower-case letters, digits"
                + " and hyphens.");
    }
}
