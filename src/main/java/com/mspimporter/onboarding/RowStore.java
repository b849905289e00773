package com.mspimporter.onboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.mspimporter.api.UsersAdded.FailedUser;
import com.mspimporter.input.Column;
import com.mspimporter.input.CustomerRow;
import com.mspimporter.input.IntegrationType;
import com.mspimporter.input.RowValidation;

/** The {@code importer_row} table: every record of every file and the progress of its calls. */
@Repository
public class RowStore {

    private static final String COLUMNS = """
            file_id, row_number, line_number, customer_name, customer_id_input, integration_type,
            integration_name, aws_role_arn, aws_account_type, aws_cur_config_type, gcp_project_id,
            gcp_billing_dataset, gcp_billing_table, gcp_key_file, user_emails, user_role, status, customer_id,
            integration_id, external_id, cloudformation_url, users_done, users_added, users_failed, failed_step,
            error, failure_transient, in_doubt, attempts, finished_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate namedTemplate;
    private final JdbcTemplate streamingTemplate;

    public RowStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.namedTemplate = new NamedParameterJdbcTemplate(dataSource);
        this.streamingTemplate = new JdbcTemplate(dataSource);
        this.streamingTemplate.setFetchSize(500);
    }

    /** Inserts the validated records of a file: valid ones as {@code PENDING}, the others as {@code REJECTED}. */
    public void insert(String fileId, List<? extends RowValidation> validations) {
        MapSqlParameterSource[] batch = validations.stream()
                .map(validation -> insertParameters(fileId, validation))
                .toArray(MapSqlParameterSource[]::new);
        namedTemplate.batchUpdate("""
                INSERT INTO importer_row (file_id, row_number, line_number, customer_name, customer_key,
                    customer_id_input, integration_type, integration_name, aws_role_arn, aws_account_type,
                    aws_cur_config_type, gcp_project_id, gcp_billing_dataset, gcp_billing_table, gcp_key_file,
                    user_emails, user_role, status, error, finished_at)
                VALUES (:fileId, :rowNumber, :lineNumber, :customerName, :customerKey, :customerIdInput,
                    :integrationType, :integrationName, :awsRoleArn, :awsAccountType, :awsCurConfigType,
                    :gcpProjectId, :gcpBillingDataset, :gcpBillingTable, :gcpKeyFile, :userEmails, :userRole,
                    :status, :error, :finishedAt)""", batch);
    }

    private static MapSqlParameterSource insertParameters(String fileId, RowValidation validation) {
        CustomerRow row = validation.row();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("fileId", fileId)
                .addValue("rowNumber", validation.record().rowNumber())
                .addValue("lineNumber", validation.record().lineNumber());
        if (row != null) {
            return parameters.addValue("customerName", row.customerName())
                    .addValue("customerKey", Identities.nameKey(row.customerName()))
                    .addValue("customerIdInput", row.customerId())
                    .addValue("integrationType", row.integrationType().name())
                    .addValue("integrationName", row.integrationName())
                    .addValue("awsRoleArn", row.awsRoleArn())
                    .addValue("awsAccountType", row.awsAccountType())
                    .addValue("awsCurConfigType", row.awsCurConfigType())
                    .addValue("gcpProjectId", row.gcpProjectId())
                    .addValue("gcpBillingDataset", row.gcpBillingDataset())
                    .addValue("gcpBillingTable", row.gcpBillingTable())
                    .addValue("gcpKeyFile", row.gcpKeyFile())
                    .addValue("userEmails", String.join(";", row.userEmails()))
                    .addValue("userRole", row.userRole())
                    .addValue("status", RowStatus.PENDING.name())
                    .addValue("error", null, Types.VARCHAR)
                    .addValue("finishedAt", null, Types.TIMESTAMP);
        }
        return parameters.addValue("customerName", clip(validation.record().value(Column.CUSTOMER_NAME), 1000))
                .addValue("customerKey", null, Types.VARCHAR)
                .addValue("customerIdInput", null, Types.VARCHAR)
                .addValue("integrationType", clip(validation.record().value(Column.INTEGRATION_TYPE), 10))
                .addValue("integrationName", null, Types.VARCHAR)
                .addValue("awsRoleArn", null, Types.VARCHAR)
                .addValue("awsAccountType", null, Types.VARCHAR)
                .addValue("awsCurConfigType", null, Types.VARCHAR)
                .addValue("gcpProjectId", null, Types.VARCHAR)
                .addValue("gcpBillingDataset", null, Types.VARCHAR)
                .addValue("gcpBillingTable", null, Types.VARCHAR)
                .addValue("gcpKeyFile", null, Types.VARCHAR)
                .addValue("userEmails", null, Types.VARCHAR)
                .addValue("userRole", null, Types.VARCHAR)
                .addValue("status", RowStatus.REJECTED.name())
                .addValue("error", clip(validation.errorText(), 4000))
                .addValue("finishedAt", Timestamp.from(Instant.now()));
    }

    /**
     * Returns up to {@code limit} rows of a file that are still {@code PENDING}, after a row number, in order.
     * The ORDER BY names every column of the {@code importer_row_status} index, so that H2 reads the page from the
     * index instead of sorting all the file's pending rows.
     */
    public List<RowProgress> findPending(String fileId, long afterRow, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM importer_row WHERE file_id = ? AND status = 'PENDING'"
                        + " AND row_number > ? ORDER BY file_id, status, row_number FETCH FIRST " + limit
                        + " ROWS ONLY")
                .params(fileId, afterRow)
                .query((rs, rowNum) -> map(rs))
                .list();
    }

    /** Writes the progress columns of a row. */
    public void save(RowProgress row) {
        jdbc.sql("""
                UPDATE importer_row SET status = :status, customer_id = :customerId, integration_id = :integrationId,
                    external_id = :externalId, cloudformation_url = :url, users_done = :usersDone,
                    users_added = :usersAdded, users_failed = :usersFailed, failed_step = :failedStep,
                    error = :error, failure_transient = :transient, in_doubt = :inDoubt, attempts = :attempts,
                    finished_at = :finishedAt
                WHERE file_id = :fileId AND row_number = :rowNumber""")
                .param("status", row.status().name())
                .param("customerId", row.customerId())
                .param("integrationId", row.integrationId())
                .param("externalId", row.externalId())
                .param("url", row.cloudformationUrl())
                .param("usersDone", row.usersDone())
                .param("usersAdded", String.join(";", row.usersAdded()))
                .param("usersFailed", encodeFailedUsers(row.usersFailed()))
                .param("failedStep", row.failedStep() == null ? null : row.failedStep().label())
                .param("error", clip(row.error(), 4000))
                .param("transient", row.failureTransient())
                .param("inDoubt", row.isInDoubt())
                .param("attempts", row.attempts())
                .param("finishedAt", row.finishedAt() == null ? null : Timestamp.from(row.finishedAt()))
                .param("fileId", row.fileId())
                .param("rowNumber", row.rowNumber())
                .update();
    }

    /** Streams every row of a file in row order, without holding them all in memory. */
    public void forEachRow(String fileId, Consumer<RowProgress> action) {
        streamingTemplate.query("SELECT " + COLUMNS + " FROM importer_row WHERE file_id = ? ORDER BY row_number",
                rs -> {
                    action.accept(map(rs));
                }, fileId);
    }

    public Map<RowStatus, Long> countByStatus(String fileId) {
        Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
        jdbc.sql("SELECT status, COUNT(*) AS how_many FROM importer_row WHERE file_id = ? GROUP BY status")
                .param(fileId)
                .query(rs -> {
                    counts.put(RowStatus.valueOf(rs.getString("status")), rs.getLong("how_many"));
                });
        return counts;
    }

    /**
     * Opens the finished rows of the given statuses again, so that a new run tries their failed steps.
     * Users that the API did not add are sent again as well.
     *
     * @return the number of rows opened
     */
    public int reopen(String fileId, Collection<RowStatus> statuses) {
        List<String> names = statuses.stream().map(Enum::name).toList();
        return jdbc.sql("""
                UPDATE importer_row SET status = 'PENDING', failed_step = NULL, error = NULL,
                    failure_transient = FALSE, in_doubt = FALSE, finished_at = NULL,
                    users_done = CASE WHEN users_failed IS NULL OR users_failed = '' THEN users_done ELSE FALSE END
                WHERE file_id = :fileId AND status IN (:statuses)""")
                .param("fileId", fileId)
                .param("statuses", names)
                .update();
    }

    private static RowProgress map(ResultSet rs) throws SQLException {
        RowStatus status = RowStatus.valueOf(rs.getString("status"));
        CustomerRow input = status == RowStatus.REJECTED ? null : mapInput(rs);
        RowProgress row = new RowProgress(rs.getString("file_id"), rs.getLong("row_number"),
                rs.getString("customer_name"), rs.getString("integration_type"), input, status);
        Timestamp finishedAt = rs.getTimestamp("finished_at");
        String failedStep = rs.getString("failed_step");
        row.restore(rs.getString("customer_id"), rs.getString("integration_id"), rs.getString("external_id"),
                rs.getString("cloudformation_url"), rs.getBoolean("users_done"), splitEmails(rs.getString("users_added")),
                decodeFailedUsers(rs.getString("users_failed")), failedStep == null ? null : Step.fromLabel(failedStep),
                rs.getString("error"), rs.getBoolean("failure_transient"), rs.getBoolean("in_doubt"), rs.getInt("attempts"),
                finishedAt == null ? null : finishedAt.toInstant());
        return row;
    }

    private static CustomerRow mapInput(ResultSet rs) throws SQLException {
        return new CustomerRow(rs.getLong("row_number"), rs.getLong("line_number"), rs.getString("customer_name"),
                rs.getString("customer_id_input"), IntegrationType.valueOf(rs.getString("integration_type")),
                rs.getString("integration_name"), rs.getString("aws_role_arn"), rs.getString("aws_account_type"),
                rs.getString("aws_cur_config_type"), rs.getString("gcp_project_id"),
                rs.getString("gcp_billing_dataset"), rs.getString("gcp_billing_table"), rs.getString("gcp_key_file"),
                splitEmails(rs.getString("user_emails")), rs.getString("user_role"));
    }

    private static List<String> splitEmails(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(joined.split(";"));
    }

    /** Stores failed users one per line as {@code email<TAB>reason}; reasons lose their control characters. */
    private static String encodeFailedUsers(List<FailedUser> failed) {
        StringBuilder text = new StringBuilder();
        for (FailedUser user : failed) {
            String reason = user.reason() == null ? "" : user.reason().replaceAll("\\p{Cntrl}", " ");
            text.append(user.email()).append('\t').append(reason).append('\n');
        }
        return text.toString();
    }

    private static List<FailedUser> decodeFailedUsers(String text) {
        List<FailedUser> users = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    users.add(new FailedUser(line.substring(0, tab), line.substring(tab + 1)));
                }
            }
        }
        return users;
    }

    private static String clip(String text, int maxLength) {
        return text == null || text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }
}
