package com.mspimporter.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every column of a record and applies defaults.
 *
 * <p>Every problem of a record is reported, one sentence each, naming the column and saying what
 * to change, in column order. Cells of an integration other than the row's (for example
 * {@code aws_role_arn} on a GCP row) are problems too, because they usually mean that the
 * columns of the row are shifted. A key file is read to check it but its content is not kept, and
 * no problem quotes it.
 */
public final class RowValidator {

    static final int MAX_NAME_LENGTH = 200;
    static final String DEFAULT_AWS_ACCOUNT_TYPE = "payer";
    static final String DEFAULT_AWS_CUR_CONFIG_TYPE = "cur";
    static final String DEFAULT_USER_ROLE = "MSP-Admin";

    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern AWS_SETTING = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_-]{1,1024}");
    private static final Pattern USER_ROLE = Pattern.compile("[A-Za-z0-9 _-]{1,100}");

    private static final Set<Column> AWS_COLUMNS =
            Set.of(Column.AWS_ROLE_ARN, Column.AWS_ACCOUNT_TYPE, Column.AWS_CUR_CONFIG_TYPE);
    private static final Set<Column> GCP_COLUMNS = Set.of(Column.GCP_PROJECT_ID, Column.GCP_BILLING_DATASET,
            Column.GCP_BILLING_TABLE, Column.GCP_SERVICE_ACCOUNT_KEY_FILE);

    private final Path csvFolder;

    /** Creates a validator for a file in {@code csvFolder}, where key files must be. */
    public RowValidator(Path csvFolder) {
        this.csvFolder = csvFolder;
    }

    /** Checks a record, returning either the row with its defaults applied or every problem found. */
    public RowValidation validate(CsvRecord record) {
        Problems problems = new Problems();
        String customerName = record.value(Column.CUSTOMER_NAME);
        checkName(Column.CUSTOMER_NAME, customerName, problems);
        String customerId = optional(record, Column.CUSTOMER_ID);
        if (customerId != null && !CUSTOMER_ID.matcher(customerId).matches()) {
            problems.add(Column.CUSTOMER_ID, "customer_id " + ProblemText.quote(customerId)
                    + " may contain only letters, digits, '-' and '_', up to 100 characters.");
        }
        IntegrationType type = integrationType(record.value(Column.INTEGRATION_TYPE), problems);
        String integrationName = type == null ? null : integrationName(record, type, customerName, problems);
        if (type != null) {
            rejectOtherIntegrationCells(record, type, problems);
        }
        Aws aws = type == IntegrationType.AWS ? checkAws(record, problems) : null;
        Gcp gcp = type == IntegrationType.GCP ? checkGcp(record, problems) : null;
        List<String> emails = checkEmails(record.value(Column.USER_EMAILS), problems);
        String userRole = optional(record, Column.USER_ROLE);
        if (userRole != null && !USER_ROLE.matcher(userRole).matches()) {
            problems.add(Column.USER_ROLE, "user_role " + ProblemText.quote(userRole) + " may contain only letters,"
                    + " digits, spaces, '-' and '_', up to 100 characters.");
        }

        if (!problems.isEmpty()) {
            return new RowValidation(record, null, problems.inColumnOrder());
        }
        CustomerRow row = new CustomerRow(record.rowNumber(), record.lineNumber(), customerName, customerId, type,
                integrationName, aws == null ? null : aws.roleArn(), aws == null ? null : aws.accountType(),
                aws == null ? null : aws.curConfigType(), gcp == null ? null : gcp.projectId(),
                gcp == null ? null : gcp.dataset(), gcp == null ? null : gcp.table(),
                gcp == null ? null : gcp.keyFile(), emails, userRole == null ? DEFAULT_USER_ROLE : userRole);
        return new RowValidation(record, row, List.of());
    }

    private static void checkName(Column column, String name, Problems problems) {
        if (name.isEmpty()) {
            problems.add(column, column.header() + " is empty; every row needs the customer's name.");
            return;
        }
        checkNameText(column, name, column.header() + " " + ProblemText.quote(name), problems);
    }

    private static void checkNameText(Column column, String name, String subject, Problems problems) {
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME_LENGTH) {
            problems.add(column, subject + " is " + length + " characters long; the maximum is "
                    + MAX_NAME_LENGTH + ".");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add(column, subject + " contains a control character such as a line break or a tab;"
                    + " remove it.");
        }
    }

    private static IntegrationType integrationType(String value, Problems problems) {
        if (value.isEmpty()) {
            return IntegrationType.NONE;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.equals("AWS") || upper.equals("GCP")) {
            return IntegrationType.valueOf(upper);
        }
        problems.add(Column.INTEGRATION_TYPE, "integration_type " + ProblemText.quote(value)
                + " must be AWS, GCP or empty.");
        return null;
    }

    private static String integrationName(CsvRecord record, IntegrationType type, String customerName,
            Problems problems) {
        if (type == IntegrationType.NONE) {
            return null;
        }
        String written = optional(record, Column.INTEGRATION_NAME);
        if (written != null) {
            checkNameText(Column.INTEGRATION_NAME, written, "integration_name " + ProblemText.quote(written), problems);
            return written;
        }
        String defaulted = customerName + "-" + type.name();
        if (defaulted.length() > MAX_NAME_LENGTH && customerName.length() <= MAX_NAME_LENGTH) {
            problems.add(Column.INTEGRATION_NAME, "integration_name is empty and its default, the customer name"
                    + " followed by -" + type.name() + ", is longer than " + MAX_NAME_LENGTH + " characters;"
                    + " give a shorter integration_name.");
        }
        return defaulted;
    }

    private static void rejectOtherIntegrationCells(CsvRecord record, IntegrationType type, Problems problems) {
        for (Column column : Column.values()) {
            boolean foreign = switch (type) {
                case AWS -> GCP_COLUMNS.contains(column);
                case GCP -> AWS_COLUMNS.contains(column);
                case NONE -> column == Column.INTEGRATION_NAME || AWS_COLUMNS.contains(column)
                        || GCP_COLUMNS.contains(column);
            };
            if (foreign && !record.value(column).isEmpty()) {
                String typeText = type == IntegrationType.NONE ? "empty" : type.name();
                problems.add(column, column.header() + " is filled but integration_type is " + typeText
                        + "; clear the cell or check that the row's columns are not shifted.");
            }
        }
    }

    private static Aws checkAws(CsvRecord record, Problems problems) {
        String roleArn = record.value(Column.AWS_ROLE_ARN);
        if (roleArn.isEmpty()) {
            problems.add(Column.AWS_ROLE_ARN, "aws_role_arn is empty; an AWS row needs the IAM role ARN,"
                    + " arn:aws:iam::<12-digit account id>:role/<role name>.");
        } else {
            CloudIds.roleArnProblem(roleArn).ifPresent(problem -> problems.add(Column.AWS_ROLE_ARN, problem));
        }
        String accountType = awsSetting(record, Column.AWS_ACCOUNT_TYPE, DEFAULT_AWS_ACCOUNT_TYPE, problems);
        String curConfigType = awsSetting(record, Column.AWS_CUR_CONFIG_TYPE, DEFAULT_AWS_CUR_CONFIG_TYPE, problems);
        return new Aws(roleArn, accountType, curConfigType);
    }

    private static String awsSetting(CsvRecord record, Column column, String defaultValue, Problems problems) {
        String value = optional(record, column);
        if (value == null) {
            return defaultValue;
        }
        if (!AWS_SETTING.matcher(value).matches()) {
            problems.add(column, column.header() + " " + ProblemText.quote(value) + " may contain only letters,"
                    + " digits, '_' and '-', up to 64 characters; leave it empty for " + defaultValue + ".");
        }
        return value;
    }

    private Gcp checkGcp(CsvRecord record, Problems problems) {
        String projectId = record.value(Column.GCP_PROJECT_ID);
        if (projectId.isEmpty()) {
            problems.add(Column.GCP_PROJECT_ID, "gcp_project_id is empty; a GCP row needs the billing project id.");
        } else {
            CloudIds.projectIdProblem(projectId).ifPresent(problem -> problems.add(Column.GCP_PROJECT_ID, problem));
        }
        String dataset = bigQueryName(record, Column.GCP_BILLING_DATASET, DATASET, "letters, digits and '_'",
                problems);
        String table = bigQueryName(record, Column.GCP_BILLING_TABLE, TABLE, "letters, digits, '_' and '-'",
                problems);
        return new Gcp(projectId, dataset, table, keyFile(record.value(Column.GCP_SERVICE_ACCOUNT_KEY_FILE), problems));
    }

    private static String bigQueryName(CsvRecord record, Column column, Pattern pattern, String allowed,
            Problems problems) {
        String value = record.value(column);
        if (value.isEmpty()) {
            problems.add(column, column.header() + " is empty; a GCP row needs the BigQuery "
                    + (column == Column.GCP_BILLING_DATASET ? "dataset" : "table") + " of the billing export.");
        } else if (!pattern.matcher(value).matches()) {
            problems.add(column, column.header() + " " + ProblemText.quote(value) + " may contain only " + allowed
                    + ", up to 1024 characters.");
        }
        return value;
    }

    private String keyFile(String cell, Problems problems) {
        Column column = Column.GCP_SERVICE_ACCOUNT_KEY_FILE;
        if (cell.isEmpty()) {
            problems.add(column, column.header() + " is empty; a GCP row needs the path of the service-account key"
                    + " file, relative to the folder of the CSV file.");
            return null;
        }
        try {
            Path keyFile = KeyFileLocation.resolve(csvFolder, cell);
            GcpKeyFile.read(keyFile);
            return keyFile.toString();
        } catch (InvalidKeyFileException e) {
            problems.add(column, column.header() + " " + ProblemText.quote(cell) + " " + e.reason() + ".");
            return null;
        }
    }

    private static List<String> checkEmails(String cell, Problems problems) {
        List<String> emails = EmailList.split(cell);
        for (String email : emails) {
            EmailList.problem(email).ifPresent(problem -> problems.add(Column.USER_EMAILS, problem));
        }
        return emails;
    }

    private static String optional(CsvRecord record, Column column) {
        String value = record.value(column);
        return value.isEmpty() ? null : value;
    }

    private record Aws(String roleArn, String accountType, String curConfigType) {
    }

    private record Gcp(String projectId, String dataset, String table, String keyFile) {
    }

    /** Problems by column, so that they come out in column order whatever order they were found in. */
    private static final class Problems {

        private final Map<Column, List<String>> byColumn = new EnumMap<>(Column.class);

        void add(Column column, String problem) {
            byColumn.computeIfAbsent(column, key -> new ArrayList<>()).add(problem);
        }

        boolean isEmpty() {
            return byColumn.isEmpty();
        }

        List<String> inColumnOrder() {
            return byColumn.values().stream().flatMap(List::stream).toList();
        }
    }
}
