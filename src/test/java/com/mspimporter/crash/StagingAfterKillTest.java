package com.mspimporter.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.crash.ImportWorkspace.RunRecord;
import com.mspimporter.standin.StandInApi;

/** Kills the importer while it stages a large file into the job database, and restarts it. */
@Tag("crash")
class StagingAfterKillTest {

    /** Rows that make staging take long enough to kill the importer in the middle of it. */
    private static final int INVALID_ROWS = 10_000;

    /** Growth of the job database file that shows that staged rows are being written. */
    private static final long STAGING_GROWTH_BYTES = 256 * 1024;

    private static final Duration POLL_INTERVAL = Duration.ofMillis(2);

    @TempDir
    Path folder;

    @Test
    void killDuringStagingStagesEveryRowOnce() throws Exception {
        CrashScenario scenario = CrashScenario.clean(2).plusInvalidRows(INVALID_ROWS);
        int records = scenario.rows().size();
        try (ImportWorkspace workspace = new ImportWorkspace(folder, scenario, StandInApi.start(),
                List.of("--importer.max-rejected-rows=100%"))) {
            ImporterProcess staging = workspace.start(null);
            killOnceStagingWrites(staging, workspace.database());
            long staged = countStagedRows(workspace.database());
            System.out.printf("Killed while staging, with %d of %d rows in the job database%n", staged, records);
            assumeThat(staged).as("rows in the job database after the kill, which landed during staging")
                    .isBetween(1L, records - 1L);

            RunRecord restart = workspace.runToEnd();
            assertThat(restart.exitCode()).as("exit code of the restart; log:%n%s", restart.log()).isEqualTo(3);
            ResultsCsv results = ResultsCsv.read(workspace.results());
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(results.column("row")).as("row numbers of the results").isEqualTo(rowNumbers(records));
            soft.assertThat(countStagedRows(workspace.database())).as("rows in the job database").isEqualTo(records);
            for (int row = 1; row <= records; row++) {
                Map<String, String> line = results.line(row);
                soft.assertThat(line.get("status")).as("status of row %d", row)
                        .isEqualTo(scenario.rows().get(row - 1).expectedStatus());
            }
            soft.assertThat(workspace.killSwitch().requestCount()).as("requests of both runs")
                    .isEqualTo(scenario.requestsOfCleanRun());
            soft.assertAll();
        }
    }

    /** Waits until the run logs that it starts importing and its database file has grown, then kills it. */
    private static void killOnceStagingWrites(ImporterProcess process, Path database) throws Exception {
        Path file = database.resolveSibling(database.getFileName() + ".mv.db");
        long deadline = System.nanoTime() + ImportWorkspace.RUN_TIMEOUT.toNanos();
        long sizeAtStart = -1;
        while (deadline - System.nanoTime() > 0) {
            assertThat(process.isAlive()).as("the run is still staging; log:%n%s", process.log()).isTrue();
            if (sizeAtStart < 0 && process.log().contains("Importing ")) {
                sizeAtStart = Files.size(file);
            }
            if (sizeAtStart >= 0 && sizeOf(file) >= sizeAtStart + STAGING_GROWTH_BYTES) {
                process.kill();
                return;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        process.kill();
        throw new AssertionError("The job database never grew while staging; log:\n" + process.log());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Counts the rows of every file in the job database, which the test opens read-only after the run ended. */
    private static long countStagedRows(Path database) throws SQLException {
        String url = "jdbc:h2:file:" + database + ";ACCESS_MODE_DATA=r";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            if (!tableExists(statement)) {
                return 0;
            }
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM importer_row")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static boolean tableExists(Statement statement) throws SQLException {
        try (ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE UPPER(TABLE_NAME) = 'IMPORTER_ROW'")) {
            tables.next();
            return tables.getLong(1) > 0;
        }
    }

    private static List<String> rowNumbers(int records) {
        List<String> numbers = new ArrayList<>();
        for (int row = 1; row <= records; row++) {
            numbers.add(Integer.toString(row));
        }
        return numbers;
    }
}
