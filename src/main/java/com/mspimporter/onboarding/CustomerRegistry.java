package com.mspimporter.onboarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code importer_customer} table: customers this database created or was given, per API, whatever file
 * named them. Every change is committed at once, so that the state survives a killed process.
 */
@Repository
public class CustomerRegistry {

    private final JdbcClient jdbc;

    public CustomerRegistry(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A customer as the registry stores it. */
    public record Entry(CreationState state, String customerId) {
    }

    public Optional<Entry> find(String apiBaseUrl, String customerKey) {
        return jdbc.sql("SELECT state, customer_id FROM importer_customer WHERE api_base_url = ? AND customer_key = ?")
                .params(apiBaseUrl, customerKey)
                .query((rs, rowNum) -> new Entry(CreationState.valueOf(rs.getString("state")),
                        rs.getString("customer_id")))
                .optional();
    }

    /** Records that a create call is about to be sent, before it is sent. */
    public void markSending(String apiBaseUrl, String customerKey, String name) {
        write(apiBaseUrl, customerKey, name, CreationState.SENDING, null);
    }

    public void markCreated(String apiBaseUrl, String customerKey, String name, String customerId) {
        write(apiBaseUrl, customerKey, name, CreationState.CREATED, customerId);
    }

    public void markInDoubt(String apiBaseUrl, String customerKey, String name) {
        write(apiBaseUrl, customerKey, name, CreationState.IN_DOUBT, null);
    }

    /** Forgets a create call that provably had no effect, so that a later row or run may send it again. */
    public void forgetSending(String apiBaseUrl, String customerKey) {
        jdbc.sql("DELETE FROM importer_customer WHERE api_base_url = ? AND customer_key = ? AND state = 'SENDING'")
                .params(apiBaseUrl, customerKey)
                .update();
    }

    private void write(String apiBaseUrl, String customerKey, String name, CreationState state, String customerId) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("""
                UPDATE importer_customer SET state = ?, customer_id = ?, customer_name = ?, updated_at = ?
                WHERE api_base_url = ? AND customer_key = ?""")
                .params(state.name(), customerId, name, now, apiBaseUrl, customerKey)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO importer_customer (api_base_url, customer_key, customer_name, state, customer_id,
                        updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(apiBaseUrl, customerKey, name, state.name(), customerId, now)
                    .update();
        }
    }
}
