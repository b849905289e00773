package com.mspimporter.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidatorTest {

    private static final String ARN = "arn:aws:iam::012345678901:role/CostReader";

    @TempDir
    Path root;

    private Path csvFolder;
    private RowValidator validator;

    @BeforeEach
    void createFolder() throws IOException {
        csvFolder = Files.createDirectories(root.resolve("drop"));
        KeyFiles.write(csvFolder, "keys/good.json", KeyFiles.VALID);
        validator = new RowValidator(csvFolder);
    }

    private static CsvRecord record(Object... columnsAndValues) {
        Map<Column, String> values = new EnumMap<>(Column.class);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put((Column) columnsAndValues[i], (String) columnsAndValues[i + 1]);
        }
        return new CsvRecord(4, 6, values);
    }

    private static CsvRecord aws(Object... more) {
        return withBase(new Object[] {Column.CUSTOMER_NAME, "Acme Corp", Column.INTEGRATION_TYPE, "AWS",
                Column.AWS_ROLE_ARN, ARN}, more);
    }

    private static CsvRecord gcp(Object... more) {
        return withBase(new Object[] {Column.CUSTOMER_NAME, "Globex", Column.INTEGRATION_TYPE, "GCP",
                Column.GCP_PROJECT_ID, "globex-billing-01", Column.GCP_BILLING_DATASET, "billing_export",
                Column.GCP_BILLING_TABLE, "gcp_billing_export_v1_0000", Column.GCP_SERVICE_ACCOUNT_KEY_FILE,
                "keys/good.json"}, more);
    }

    private static CsvRecord withBase(Object[] base, Object[] more) {
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return record(all);
    }

    private List<String> problems(CsvRecord record) {
        RowValidation validation = validator.validate(record);
        assertThat(validation.row()).as("row of an invalid record").isNull();
        return validation.problems();
    }

    private CustomerRow validRow(CsvRecord record) {
        RowValidation validation = validator.validate(record);
        assertThat(validation.problems()).isEmpty();
        return validation.row();
    }

    @Nested
    class ValidRows {

        @Test
        void awsRowGetsDefaults() {
            CustomerRow row = validRow(aws(Column.USER_EMAILS, "a@example.com"));

            assertThat(row).isEqualTo(new CustomerRow(4, 6, "Acme Corp", null, IntegrationType.AWS, "Acme Corp-AWS",
                    ARN, "payer", "cur", null, null, null, null, List.of("a@example.com"), "MSP-Admin"));
        }

        @Test
        void givenValuesReplaceDefaults() {
            CustomerRow row = validRow(aws(Column.CUSTOMER_ID, "cust_01-A", Column.INTEGRATION_NAME, "acme-prod",
                    Column.AWS_ACCOUNT_TYPE, "linked", Column.AWS_CUR_CONFIG_TYPE, "focus_1",
                    Column.USER_ROLE, "MSP User"));

            assertThat(row.customerId()).isEqualTo("cust_01-A");
            assertThat(row.integrationName()).isEqualTo("acme-prod");
            assertThat(row.awsAccountType()).isEqualTo("linked");
            assertThat(row.awsCurConfigType()).isEqualTo("focus_1");
            assertThat(row.userRole()).isEqualTo("MSP User");
        }

        @Test
        void gcpRowKeepsAbsoluteKeyPathOnly() {
            CustomerRow row = validRow(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "./keys/../keys/good.json"));

            assertThat(row).isEqualTo(new CustomerRow(4, 6, "Globex", null, IntegrationType.GCP, "Globex-GCP", null,
                    null, null, "globex-billing-01", "billing_export", "gcp_billing_export_v1_0000",
                    csvFolder.resolve("keys/good.json").toAbsolutePath().toString(), List.of(), "MSP-Admin"));
            assertThat(row.toString()).doesNotContain(KeyFiles.CANARY);
        }

        @Test
        void absoluteKeyPathInsideFolderIsAccepted() {
            Path key = csvFolder.resolve("keys/good.json").toAbsolutePath();

            CustomerRow row = validRow(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, key.toString()));

            assertThat(row.gcpKeyFile()).isEqualTo(key.toString());
        }

        @Test
        void symbolicLinkInsideFolderIsAccepted() throws IOException {
            Files.createSymbolicLink(csvFolder.resolve("link.json"), csvFolder.resolve("keys/good.json"));

            assertThat(validRow(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "link.json")).gcpKeyFile())
                    .isEqualTo(csvFolder.resolve("link.json").toAbsolutePath().toString());
        }

        @Test
        void rowWithoutIntegration() {
            CustomerRow row = validRow(record(Column.CUSTOMER_NAME, "Initech", Column.USER_ROLE, "Viewer"));

            assertThat(row.integrationType()).isEqualTo(IntegrationType.NONE);
            assertThat(row.integrationName()).isNull();
            assertThat(row.hasIntegration()).isFalse();
            assertThat(row.userRole()).isEqualTo("Viewer");
        }

        @ParameterizedTest
        @CsvSource({"aws, AWS", "Aws, AWS", "gcp, GCP"})
        void integrationTypeIgnoresCase(String written, IntegrationType expected) {
            CsvRecord record = expected == IntegrationType.AWS
                    ? aws(Column.INTEGRATION_TYPE, written)
                    : gcp(Column.INTEGRATION_TYPE, written);

            assertThat(validRow(record).integrationType()).isEqualTo(expected);
        }

        @Test
        void emailsAreSplitTrimmedAndDeduplicated() {
            CustomerRow row = validRow(record(Column.CUSTOMER_NAME, "Acme",
                    Column.USER_EMAILS,
                    " a@example.com ;;B@Example.com;\nA@EXAMPLE.COM; b@example.com;c.d+e@mail.example.co.uk;"));

            assertThat(row.userEmails()).containsExactly("a@example.com", "B@Example.com", "c.d+e@mail.example.co.uk");
        }
    }

    @Nested
    class CustomerColumns {

        @Test
        void emptyCustomerNameIsProblem() {
            assertThat(problems(record(Column.USER_ROLE, "MSP-Admin")))
                    .containsExactly("customer_name is empty; every row needs the customer's name.");
        }

        @Test
        void customerNameOfTwoHundredCharactersIsValid() {
            assertThat(validRow(record(Column.CUSTOMER_NAME, "n".repeat(200))).customerName()).hasSize(200);
        }

        @Test
        void customerNameOverTwoHundredCharactersIsProblem() {
            assertThat(problems(record(Column.CUSTOMER_NAME, "n".repeat(201))))
                    .containsExactly("customer_name '" + "n".repeat(77) + "...' is 201 characters long; the maximum"
                            + " is 200.");
        }

        @Test
        void controlCharacterInCustomerNameIsProblem() {
            assertThat(problems(record(Column.CUSTOMER_NAME, "Acme\nCorp")))
                    .containsExactly("customer_name 'Acme\\nCorp' contains a control character such as a line break"
                            + " or a tab; remove it.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"cust 1", "cust/1", "cust.1", "c\u00E9"})
        void implausibleCustomerIdIsProblem(String id) {
            assertThat(problems(record(Column.CUSTOMER_NAME, "Acme", Column.CUSTOMER_ID, id)))
                    .containsExactly("customer_id '" + id + "' may contain only letters, digits, '-' and '_', up to"
                            + " 100 characters.");
        }

        @Test
        void customerIdOverHundredCharactersIsProblem() {
            assertThat(problems(record(Column.CUSTOMER_NAME, "Acme", Column.CUSTOMER_ID, "a".repeat(101))))
                    .singleElement().asString().startsWith("customer_id '");
        }

        @Test
        void unknownIntegrationTypeIsOnlyProblem() {
            assertThat(problems(record(Column.CUSTOMER_NAME, "Acme", Column.INTEGRATION_TYPE, "Azure",
                    Column.AWS_ROLE_ARN, "not checked")))
                    .containsExactly("integration_type 'Azure' must be AWS, GCP or empty.");
        }

        @Test
        void longIntegrationNameIsProblem() {
            assertThat(problems(aws(Column.INTEGRATION_NAME, "i".repeat(201))))
                    .singleElement().asString().endsWith(" is 201 characters long; the maximum is 200.")
                    .startsWith("integration_name '");
        }

        @Test
        void defaultIntegrationNameOverLimitIsProblem() {
            assertThat(problems(aws(Column.CUSTOMER_NAME, "n".repeat(198))))
                    .containsExactly("integration_name is empty and its default, the customer name followed by -AWS,"
                            + " is longer than 200 characters; give a shorter integration_name.");
        }
    }

    @Nested
    class AwsColumns {

        @Test
        void missingRoleArnIsProblem() {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, "")))
                    .containsExactly("aws_role_arn is empty; an AWS row needs the IAM role ARN,"
                            + " arn:aws:iam::<12-digit account id>:role/<role name>.");
        }

        @Test
        void elevenDigitAccountIdIsLeadingZeroDropped() {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, "arn:aws:iam::12345678901:role/X")))
                    .containsExactly("aws_role_arn 'arn:aws:iam::12345678901:role/X' must be"
                            + " arn:aws:iam::<12-digit account id>:role/<role name>; the account id has 11 digits,"
                            + " which happens when a spreadsheet drops a leading zero, but an AWS account id has"
                            + " exactly 12.");
        }

        @Test
        void thirteenDigitAccountIdIsProblem() {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, "arn:aws:iam::1234567890123:role/X")))
                    .singleElement().asString().endsWith("; the account id has 13 digits, but an AWS account id has"
                            + " exactly 12.");
        }

        @Test
        void scientificNotationAccountIdIsProblem() {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, "arn:aws:iam::1.23457E+11:role/X")))
                    .containsExactly("aws_role_arn 'arn:aws:iam::1.23457E+11:role/X' has its account id in scientific"
                            + " notation, which a spreadsheet shows for long numbers and which loses digits; format"
                            + " the column as text and type the value again.");
        }

        @Test
        void bareAccountIdIsProblem() {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, "123456789012")))
                    .containsExactly("aws_role_arn '123456789012' is an account id, not a role ARN; write"
                            + " arn:aws:iam::<12-digit account id>:role/<role name>.");
        }

        @Test
        void bareElevenDigitAccountIdMentionsLeadingZero() {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, "12345678901")))
                    .singleElement().asString()
                    .contains("is an account id, not a role ARN")
                    .contains("which happens when a spreadsheet drops a leading zero");
        }

        @Test
        void bareScientificNotationIsProblem() {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, "1,23457E+11")))
                    .singleElement().asString()
                    .startsWith("aws_role_arn '1,23457E+11' is an account id in scientific notation");
        }

        @ParameterizedTest
        @ValueSource(strings = {"arn:aws:iam::012345678901:user/X", "arn:aws:s3:::bucket", "role/X",
                "ARN:AWS:IAM::012345678901:role/X"})
        void otherTextIsNotRoleArn(String value) {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, value)))
                    .containsExactly("aws_role_arn '" + value + "' is not an IAM role ARN; write"
                            + " arn:aws:iam::<12-digit account id>:role/<role name>.");
        }

        @Test
        void nonNumericAccountIdIsProblem() {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, "arn:aws:iam::12345678901O:role/X")))
                    .singleElement().asString().contains("has an account id that is not 12 digits");
        }

        @ParameterizedTest
        @ValueSource(strings = {"arn:aws:iam::012345678901:role/", "arn:aws:iam::012345678901:role/Cost Reader",
                "arn:aws:iam::012345678901:role/path/", "arn:aws:iam::012345678901:role/a//b"})
        void invalidRoleNameIsProblem(String value) {
            assertThat(problems(aws(Column.AWS_ROLE_ARN, value)))
                    .singleElement().asString().contains("has an invalid role name");
        }

        @Test
        void roleWithPathAndPunctuationIsValid() {
            String arn = "arn:aws:iam::012345678901:role/service-role/finops/Cost+Reader=1,a.b@c_d-e";

            assertThat(validRow(aws(Column.AWS_ROLE_ARN, arn)).awsRoleArn()).isEqualTo(arn);
        }

        @Test
        void invalidAccountAndCurTypesAreProblems() {
            assertThat(problems(aws(Column.AWS_ACCOUNT_TYPE, "pay er", Column.AWS_CUR_CONFIG_TYPE, "cur!")))
                    .containsExactly(
                            "aws_account_type 'pay er' may contain only letters, digits, '_' and '-', up to 64"
                                    + " characters; leave it empty for payer.",
                            "aws_cur_config_type 'cur!' may contain only letters, digits, '_' and '-', up to 64"
                                    + " characters; leave it empty for cur.");
        }

        @Test
        void gcpCellsOnAwsRowAreProblems() {
            assertThat(problems(aws(Column.GCP_PROJECT_ID, "globex-billing-01", Column.GCP_BILLING_TABLE, "t")))
                    .containsExactly(
                            "gcp_project_id is filled but integration_type is AWS; clear the cell or check that the"
                                    + " row's columns are not shifted.",
                            "gcp_billing_table is filled but integration_type is AWS; clear the cell or check that"
                                    + " the row's columns are not shifted.");
        }
    }

    @Nested
    class GcpColumns {

        @Test
        void everyMissingGcpCellIsProblem() {
            assertThat(problems(record(Column.CUSTOMER_NAME, "Globex", Column.INTEGRATION_TYPE, "GCP")))
                    .containsExactly(
                            "gcp_project_id is empty; a GCP row needs the billing project id.",
                            "gcp_billing_dataset is empty; a GCP row needs the BigQuery dataset of the billing export.",
                            "gcp_billing_table is empty; a GCP row needs the BigQuery table of the billing export.",
                            "gcp_service_account_key_file is empty; a GCP row needs the path of the service-account"
                                    + " key file, relative to the folder of the CSV file.");
        }

        @Test
        void scientificNotationProjectIdIsProblem() {
            assertThat(problems(gcp(Column.GCP_PROJECT_ID, "4.56789E+11")))
                    .containsExactly("gcp_project_id '4.56789E+11' is a number in scientific notation, which a"
                            + " spreadsheet shows for long numbers and which loses digits; format the column as text"
                            + " and type the value again; a project id is 6 to 30 lower-case letters, digits and"
                            + " hyphens.");
        }

        @Test
        void projectNumberIsProblem() {
            assertThat(problems(gcp(Column.GCP_PROJECT_ID, "456789012345")))
                    .singleElement().asString().contains("is a project number; write the project id instead");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Globex-Billing", "short", "a234567890123456789012345678901", "1globex", "globex-",
                "globex_billing"})
        void invalidProjectIdIsProblem(String value) {
            assertThat(problems(gcp(Column.GCP_PROJECT_ID, value)))
                    .containsExactly("gcp_project_id '" + value + "' must be 6 to 30 lower-case letters, digits and"
                            + " hyphens, starting with a letter and not ending with a hyphen.");
        }

        @Test
        void invalidBigQueryNamesAreProblems() {
            assertThat(problems(gcp(Column.GCP_BILLING_DATASET, "billing-export", Column.GCP_BILLING_TABLE, "t$1")))
                    .containsExactly(
                            "gcp_billing_dataset 'billing-export' may contain only letters, digits and '_', up to"
                                    + " 1024 characters.",
                            "gcp_billing_table 't$1' may contain only letters, digits, '_' and '-', up to 1024"
                                    + " characters.");
        }

        @Test
        void awsCellsOnGcpRowAreProblems() {
            assertThat(problems(gcp(Column.AWS_ROLE_ARN, ARN)))
                    .containsExactly("aws_role_arn is filled but integration_type is GCP; clear the cell or check"
                            + " that the row's columns are not shifted.");
        }

        @Test
        void missingKeyFileIsProblem() {
            assertThat(problems(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "keys/absent.json")))
                    .containsExactly("gcp_service_account_key_file 'keys/absent.json' is not found.");
        }

        @Test
        void parentFolderEscapeIsProblem() throws IOException {
            KeyFiles.write(root, "outside.json", KeyFiles.VALID);

            assertThat(problems(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "../outside.json")))
                    .containsExactly("gcp_service_account_key_file '../outside.json' is outside "
                            + csvFolder.toAbsolutePath() + ", the folder of the CSV file; key files must be in that"
                            + " folder or below it.");
        }

        @Test
        void absolutePathElsewhereIsProblem() {
            Path outside = KeyFiles.write(root, "outside.json", KeyFiles.VALID).toAbsolutePath();

            assertThat(problems(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, outside.toString())))
                    .singleElement().asString().contains("is outside " + csvFolder.toAbsolutePath());
        }

        @Test
        void symbolicLinkOutOfFolderIsProblem() throws IOException {
            Path outside = KeyFiles.write(root, "outside.json", KeyFiles.VALID);
            Files.createSymbolicLink(csvFolder.resolve("keys/link.json"), outside);

            assertThat(problems(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "keys/link.json")))
                    .containsExactly("gcp_service_account_key_file 'keys/link.json' is a symbolic link to a file"
                            + " outside " + csvFolder.toAbsolutePath() + ", the folder of the CSV file.");
        }

        @Test
        void linkedFolderOutsideIsProblem() throws IOException {
            Files.createDirectories(root.resolve("elsewhere"));
            KeyFiles.write(root, "elsewhere/key.json", KeyFiles.VALID);
            Files.createSymbolicLink(csvFolder.resolve("linked"), root.resolve("elsewhere"));

            assertThat(problems(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "linked/key.json")))
                    .singleElement().asString().contains("is a symbolic link to a file outside");
        }

        @Test
        void folderAsKeyFileIsProblem() {
            assertThat(problems(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "keys")))
                    .containsExactly("gcp_service_account_key_file 'keys' is not a regular file.");
        }

        @Test
        void invalidKeyContentIsNotQuoted() {
            KeyFiles.write(csvFolder, "keys/broken.json", "{\"type\":\"service_account\",\"private_key\":"
                    + KeyFiles.CANARY + "}");
            KeyFiles.write(csvFolder, "keys/user.json", KeyFiles.VALID.replace("service_account", "authorized_user"));

            List<String> broken = problems(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "keys/broken.json"));
            List<String> user = problems(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "keys/user.json"));

            assertThat(broken).singleElement().asString()
                    .startsWith("gcp_service_account_key_file 'keys/broken.json' is not valid JSON (error at line 1,")
                    .doesNotContain(KeyFiles.CANARY);
            assertThat(user).containsExactly("gcp_service_account_key_file 'keys/user.json' is not a service-account"
                    + " key: its type field is not 'service_account'.");
        }

        @Test
        void keyWithoutPrivateKeyIsProblem() {
            KeyFiles.write(csvFolder, "keys/nokey.json", KeyFiles.VALID.replaceAll("\"private_key\":\"[^\"]*\",", ""));

            assertThat(problems(gcp(Column.GCP_SERVICE_ACCOUNT_KEY_FILE, "keys/nokey.json")))
                    .containsExactly("gcp_service_account_key_file 'keys/nokey.json' lacks a non-empty private_key"
                            + " field, which every service-account key has.");
        }
    }

    @Nested
    class UserColumns {

        @Test
        void everyInvalidEmailIsReported() {
            assertThat(problems(record(Column.CUSTOMER_NAME, "Acme",
                    Column.USER_EMAILS,
                    "ok@example.com;bob(at)example.com;carol@example;dave@example.com, erin@example.com")))
                    .containsExactly(
                            "user_emails 'bob(at)example.com' is not a valid email address.",
                            "user_emails 'carol@example' is not a valid email address.",
                            "user_emails 'dave@example.com, erin@example.com' is not a valid email address; separate"
                                    + " addresses with ';'.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a b@example.com", "@example.com", "a@", "a@@example.com", "a@-example.com",
                "a..b@example.com", "\u00E9@example.com"})
        void malformedEmailIsProblem(String email) {
            assertThat(problems(record(Column.CUSTOMER_NAME, "Acme", Column.USER_EMAILS, email)))
                    .singleElement().asString().startsWith("user_emails '").contains("is not a valid email address");
        }

        @Test
        void overlongEmailIsProblem() {
            String email = "a".repeat(60) + "@" + ("b".repeat(60) + ".").repeat(4) + "com";

            assertThat(email).hasSizeGreaterThan(254);
            assertThat(problems(record(Column.CUSTOMER_NAME, "Acme", Column.USER_EMAILS, email)))
                    .singleElement().asString()
                    .endsWith(" is longer than 254 characters, the maximum for an email address.");
        }

        @Test
        void invalidUserRoleIsProblem() {
            assertThat(problems(record(Column.CUSTOMER_NAME, "Acme", Column.USER_ROLE, "Admin;Owner")))
                    .containsExactly("user_role 'Admin;Owner' may contain only letters, digits, spaces, '-' and '_',"
                            + " up to 100 characters.");
        }
    }

    @Test
    void everyProblemIsReportedInColumnOrder() {
        RowValidation validation = validator.validate(record(Column.USER_ROLE, "bad!", Column.CUSTOMER_ID, "a b",
                Column.INTEGRATION_NAME, "acme", Column.USER_EMAILS, "nope", Column.GCP_PROJECT_ID, "p"));

        assertThat(validation.isValid()).isFalse();
        assertThat(validation.problems()).containsExactly(
                "customer_name is empty; every row needs the customer's name.",
                "customer_id 'a b' may contain only letters, digits, '-' and '_', up to 100 characters.",
                "integration_name is filled but integration_type is empty; clear the cell or check that the row's"
                        + " columns are not shifted.",
                "gcp_project_id is filled but integration_type is empty; clear the cell or check that the row's"
                        + " columns are not shifted.",
                "user_emails 'nope' is not a valid email address.",
                "user_role 'bad!' may contain only letters, digits, spaces, '-' and '_', up to 100 characters.");
        assertThat(validation.errorText()).startsWith("customer_name is empty; every row needs the customer's name."
                + " customer_id 'a b'");
    }
}
