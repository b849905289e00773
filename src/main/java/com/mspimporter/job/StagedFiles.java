package com.mspimporter.job;

import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code importer_file} table: the files whose rows are completely staged. */
@Repository
public class StagedFiles {

    private final JdbcClient jdbc;

    public StagedFiles(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public boolean isStaged(String fileId) {
        return jdbc.sql("SELECT COUNT(*) FROM importer_file WHERE file_id = ?").param(fileId).query(Long.class)
                .single() > 0;
    }

    public void recordStaged(String fileId, String fileName, String apiBaseUrl, long totalRows, long rejectedRows) {
        jdbc.sql("""
                INSERT INTO importer_file (file_id, file_name, api_base_url, total_rows, rejected_rows, staged_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(fileId, fileName, apiBaseUrl, totalRows, rejectedRows, Timestamp.from(Instant.now()))
                .update();
    }
}
