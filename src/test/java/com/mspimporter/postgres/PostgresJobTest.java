package com.mspimporter.postgres;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.mspimporter.cli.Main;
import com.mspimporter.standin.StandInApi;

/**
 * Runs the job and its restart against a real PostgreSQL server, whose URL (with user and password, and the right
 * to create databases) comes from {@code IMPORTER_TEST_POSTGRES_URL}. Each test gets a database of its own.
 */
class PostgresJobTest {

    private static final String URL_VARIABLE = "IMPORTER_TEST_POSTGRES_URL";

    @TempDir
    Path work;

    @BeforeAll
    static void requireServer() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            System.err.println(URL_VARIABLE + " is not set: skipping the PostgreSQL tests");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), URL_VARIABLE + " is not set");
    }

    @Test
    void stoppedRunRestartsOnPostgres() throws Exception {
        String database = freshDatabase();
        Path input = work.resolve("customers.csv");
        Files.writeString(input, """
                customer_name,integration_type,aws_role_arn,user_emails
                Pg Alpha,AWS,arn:aws:iam::123456789012:role/Reader,a@example.com
                Pg Beta,,,b@example.com
                Pg Gamma,AWS,arn:aws:iam::210987654321:role/Reader,
                """);

        try (StandInApi api = StandInApi.start()) {
            StubMapping usersDown = api.stub(1, post(urlPathMatching("/msp/customers/[^/]+/users"))
                    .withRequestBody(matchingJsonPath("$.user_emails[0]", equalTo("b@example.com")))
                    .willReturn(aResponse().withStatus(503)));

            int first = runImporter(api, input, database);
            assertThat(first).as("a row still failing transiently stops the run").isEqualTo(1);
            assertThat(statusOf(2)).isEqualTo("PENDING");

            api.server().removeStub(usersDown);
            int second = runImporter(api, input, database);
            assertThat(second).isZero();
            assertThat(statusOf(1)).isEqualTo("SUCCEEDED");
            assertThat(statusOf(2)).isEqualTo("SUCCEEDED");
            assertThat(statusOf(3)).isEqualTo("SUCCEEDED");
            for (String name : List.of("Pg Alpha", "Pg Beta", "Pg Gamma")) {
                api.server().verify(1, postRequestedFor(urlPathEqualTo("/msp/customers"))
                        .withRequestBody(matchingJsonPath("$.name", equalTo(name))));
            }

            int third = runImporter(api, input, database);
            assertThat(third).as("a completed file makes no call").isZero();
            assertThat(api.server().findAll(postRequestedFor(urlPathEqualTo("/msp/customers")))).hasSize(3);
        }
    }

    private int runImporter(StandInApi api, Path input, String database) {
        return Main.run("--input=" + input,
                "--importer.api.base-url=" + api.baseUrl(),
                "--importer.api.key=" + api.apiKey(),
                "--spring.datasource.url=" + database,
                "--importer.retry.max-attempts=2",
                "--importer.retry.initial-wait=10ms",
                "--importer.retry.max-wait=20ms");
    }

    private String statusOf(int row) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("customers.results.csv"), StandardCharsets.UTF_8);
        return lines.get(row).split(",")[2];
    }

    /** Creates an empty database and returns its URL, with the server URL's user and password. */
    private static String freshDatabase() throws SQLException {
        String serverUrl = System.getenv(URL_VARIABLE);
        String name = "importer_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String options = query < 0 ? "" : serverUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + options;
    }
}
