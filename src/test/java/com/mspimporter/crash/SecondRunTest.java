package com.mspimporter.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.standin.StandInApi;

/** Starts a second importer on a job database that a running import is using. */
@Tag("crash")
class SecondRunTest {

    /** Response latency long enough that the first run is still busy while the second one starts and ends. */
    private static final Duration LATENCY = Duration.ofMillis(300);

    @TempDir
    Path folder;

    /**
     * Runs with the plain H2 file database, which H2 locks against a second process, and with H2's automatic
     * server mode, which lets the second process in, so that the importer's own run lease must reject it.
     */
    @ParameterizedTest(name = "jdbc:h2:file:...{0}")
    @ValueSource(strings = {"", ";AUTO_SERVER=TRUE"})
    void secondRunIsRejectedWhileFirstRuns(String databaseOptions) {
        CrashScenario scenario = CrashScenario.clean(12);
        StandInApi api = StandInApi.builder().latency(LATENCY).start();
        String databaseUrl = "jdbc:h2:file:" + folder.resolve("jobdb") + databaseOptions;
        try (ImportWorkspace workspace = new ImportWorkspace(folder, scenario, api,
                List.of("--importer.concurrency=1", "--spring.datasource.url=" + databaseUrl))) {
            ImporterProcess first = workspace.start(null);
            awaitFirstRequest(workspace, first);

            ImporterProcess second = workspace.start(null);
            int secondExit = second.awaitExit(ImportWorkspace.RUN_TIMEOUT);
            boolean firstStillRunning = first.isAlive();
            int firstExit = first.awaitExit(ImportWorkspace.RUN_TIMEOUT);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(firstStillRunning).as("the first run was still running when the second one ended")
                    .isTrue();
            soft.assertThat(secondExit).as("exit code of the second run; log:%n%s", second.log()).isEqualTo(1);
            // the reason is one sentence, without the exception chain that Spring Boot would print
            soft.assertThat(second.log()).as("log of the second run")
                    .contains("is using the job database")
                    .doesNotContain("\tat ", "Exception");
            soft.assertThat(firstExit).as("exit code of the first run; log:%n%s", first.log()).isZero();
            soft.assertThat(first.log()).as("log of the first run").doesNotContain("\tat ", "Another run");

            ResultsCsv results = ResultsCsv.read(workspace.results());
            soft.assertThat(results.column("status")).as("statuses of the first run")
                    .hasSize(scenario.rows().size())
                    .containsOnly("SUCCEEDED");
            soft.assertThat(workspace.killSwitch().requestCount())
                    .as("requests of both runs: the first run's alone, because the second sent none")
                    .isEqualTo(scenario.requestsOfCleanRun());
            new RecoveryCheck(scenario, workspace.killSwitch().exchanges(), results).checkNothingCreatedTwice(soft);
            soft.assertAll();
        }
    }

    private static void awaitFirstRequest(ImportWorkspace workspace, ImporterProcess first) {
        long start = System.nanoTime();
        while (workspace.killSwitch().requestCount() == 0) {
            assertThat(first.isAlive()).as("the first run is running; log:%n%s", first.log()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("wait for the first run's first request")
                    .isLessThan(ImportWorkspace.RUN_TIMEOUT);
            sleep(Duration.ofMillis(20));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the first run", e);
        }
    }
}
