package com.mspimporter.onboarding;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The API base URLs under which the job database has imported files, and so created customers. */
@Repository
public class KnownApis {

    private final JdbcClient jdbc;

    public KnownApis(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Returns a spelling of the same API other than the given one, such as {@code https://API.example.com:443}
     * for {@code https://api.example.com}, if the database has records under it. Those records would not be
     * found under the new spelling, so its customers would be created again.
     */
    public Optional<String> otherSpellingOf(String apiBaseUrl) {
        String canonical = ApiIdentity.canonical(apiBaseUrl);
        // Customers and integrations are only created while a file is imported under the same base URL, so the
        // small file table lists every spelling without scanning the registries.
        return jdbc.sql("SELECT DISTINCT api_base_url FROM importer_file")
                .query(String.class)
                .list()
                .stream()
                .filter(known -> !known.equals(apiBaseUrl) && ApiIdentity.canonical(known).equals(canonical))
                .findFirst();
    }
}
