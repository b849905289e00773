package com.mspimporter.onboarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code importer_integration} table: integrations this database requested, per API and customer,
 * with the AWS onboarding link fetched for them. Every change is committed at once.
 */
@Repository
public class IntegrationRegistry {

    private final JdbcClient jdbc;

    public IntegrationRegistry(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Identifies an integration: its API, customer, type and the comparable form of its name. */
    public record Key(String apiBaseUrl, String customerId, String type, String integrationKey) {
    }

    /** An integration as the registry stores it. */
    public record Entry(CreationState state, String integrationId, String externalId, String cloudformationUrl) {
    }

    public Optional<Entry> find(Key key) {
        return jdbc.sql("""
                SELECT state, integration_id, external_id, cloudformation_url FROM importer_integration
                WHERE api_base_url = ? AND customer_id = ? AND integration_type = ? AND integration_key = ?""")
                .params(key.apiBaseUrl(), key.customerId(), key.type(), key.integrationKey())
                .query((rs, rowNum) -> new Entry(CreationState.valueOf(rs.getString("state")),
                        rs.getString("integration_id"), rs.getString("external_id"),
                        rs.getString("cloudformation_url")))
                .optional();
    }

    /** Records that a create call is about to be sent, before it is sent. */
    public void markSending(Key key, String name, String externalId, String cloudformationUrl) {
        write(key, name, CreationState.SENDING, null, externalId, cloudformationUrl);
    }

    public void markCreated(Key key, String name, String integrationId, String externalId, String cloudformationUrl) {
        write(key, name, CreationState.CREATED, integrationId, externalId, cloudformationUrl);
    }

    public void markInDoubt(Key key, String name, String externalId, String cloudformationUrl) {
        write(key, name, CreationState.IN_DOUBT, null, externalId, cloudformationUrl);
    }

    /**
     * Takes back a create call that provably had no effect: an AWS integration keeps its link, any other is
     * forgotten.
     */
    public void revertSending(Key key, String name, String externalId, String cloudformationUrl) {
        if (externalId != null) {
            write(key, name, CreationState.LINKED, null, externalId, cloudformationUrl);
        }
        else {
            jdbc.sql("""
                    DELETE FROM importer_integration WHERE api_base_url = ? AND customer_id = ?
                    AND integration_type = ? AND integration_key = ?""")
                    .params(key.apiBaseUrl(), key.customerId(), key.type(), key.integrationKey())
                    .update();
        }
    }

    private void write(Key key, String name, CreationState state, String integrationId, String externalId,
            String cloudformationUrl) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("""
                UPDATE importer_integration SET state = ?, integration_id = ?, integration_name = ?,
                    external_id = ?, cloudformation_url = ?, updated_at = ?
                WHERE api_base_url = ? AND customer_id = ? AND integration_type = ? AND integration_key = ?""")
                .params(state.name(), integrationId, name, externalId, cloudformationUrl, now, key.apiBaseUrl(),
                        key.customerId(), key.type(), key.integrationKey())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO importer_integration (api_base_url, customer_id, integration_type, integration_key,
                        integration_name, state, integration_id, external_id, cloudformation_url, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(key.apiBaseUrl(), key.customerId(), key.type(), key.integrationKey(), name, state.name(),
                            integrationId, externalId, cloudformationUrl, now)
                    .update();
        }
    }
}
