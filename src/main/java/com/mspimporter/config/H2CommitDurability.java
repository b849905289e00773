package com.mspimporter.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Makes an H2 job database write every commit to its file at once. H2 keeps commits in memory for up to
 * {@code WRITE_DELAY} (500 ms by default), so a killed process would lose the record that a create call was about
 * to be sent, and the restart would send it a second time. The setting belongs to the database, so it also covers
 * an H2 URL given on the command line. Other databases are left as they are.
 */
@Component
class H2CommitDurability implements InitializingBean {

    private final DataSource dataSource;

    H2CommitDurability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET WRITE_DELAY 0");
                }
            }
        }
    }
}
