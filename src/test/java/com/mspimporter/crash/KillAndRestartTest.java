package com.mspimporter.crash;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.crash.ImportWorkspace.RestartHistory;
import com.mspimporter.crash.ImportWorkspace.RunRecord;
import com.mspimporter.standin.Endpoint;
import com.mspimporter.standin.StandInApi;

/**
 * Kills the importer with {@code SIGKILL} at requests spread over a whole import, restarts it, and checks that
 * nothing was created twice, that every record ends with a final status, and that only rows whose create call
 * lost its response are {@code IN_DOUBT}.
 */
@Tag("crash")
class KillAndRestartTest {

    private static final int KILL_POINTS = 20;
    private static final List<Integer> CONCURRENCIES = List.of(1, 16);

    /**
     * Imports that run side by side. Each child JVM spends most of its few seconds starting up on one core, so
     * two at a time keep two cores busy.
     */
    private static final int WORKERS = 2;
    private static final int MAX_RESTARTS = 5;
    private static final int KILLED_EXIT_CODE = 137;

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicNode> killedRunRestartsWithoutDuplicates() throws Exception {
        CrashScenario scenario = CrashScenario.mixed();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<DynamicNode> containers = new ArrayList<>();
        try {
            Map<Integer, Future<Baseline>> baselines = new TreeMap<>();
            for (int concurrency : CONCURRENCIES) {
                baselines.put(concurrency, workers.submit(() -> measureUndisturbedRun(scenario, concurrency)));
            }
            // the kill points run in the background, WORKERS at a time, and each dynamic test waits for its own
            for (int concurrency : CONCURRENCIES) {
                Baseline baseline = resultOf(baselines.get(concurrency));
                List<DynamicTest> tests = new ArrayList<>();
                for (KillPoint point : killPoints(baseline.requests())) {
                    Future<KillOutcome> outcome = workers.submit(() -> killAndRestart(scenario, point, concurrency));
                    tests.add(dynamicTest("kill at " + point + ", concurrency " + concurrency,
                            () -> verify(scenario, baseline, resultOf(outcome))));
                }
                containers.add(dynamicContainer("concurrency " + concurrency + ", " + baseline.requests()
                        + " requests undisturbed", tests));
            }
        } catch (Exception | Error e) {
            workers.shutdownNow();
            throw e;
        }
        workers.shutdown();
        return containers.stream().onClose(workers::shutdownNow);
    }

    @Test
    void inDoubtRowSurvivesKillDuringUsers() {
        // row 2's integration gets a 502 response, which leaves it IN_DOUBT while the row goes on to add its users
        String integrationName = "Lost Answer Works-AWS";
        CrashScenario scenario = CrashScenario.clean(1).plus(List.of(
                InputRow.aws("Lost Answer Works", "arn:aws:iam::555000111222:role/FinOpsReadOnly",
                        "lena@lost.example.com").expecting("IN_DOUBT", "create_integration")));
        ResultsCsv undisturbedResults;
        int usersRequest;
        try (ImportWorkspace undisturbed = workspace("502-undisturbed", scenario, 1)) {
            respondToIntegrationWith502(undisturbed.api(), integrationName);
            RunRecord run = undisturbed.runToEnd();
            assertThat(run.exitCode()).as("exit code; log:%n%s", run.log()).isEqualTo(3);
            undisturbedResults = ResultsCsv.read(undisturbed.results());
            assertThat(undisturbedResults.line(2).get("status")).isEqualTo("IN_DOUBT");
            usersRequest = undisturbed.killSwitch().exchanges().stream()
                    .filter(exchange -> exchange.is(Endpoint.ADD_USERS))
                    .mapToInt(ApiExchange::sequence)
                    .max()
                    .orElseThrow();
        }

        try (ImportWorkspace killed = workspace("502-killed", scenario, 1)) {
            respondToIntegrationWith502(killed.api(), integrationName);
            RestartHistory history = killed.killAndRestart(
                    new KillPoint(usersRequest, KillPoint.Timing.BEFORE_RESPONSE), MAX_RESTARTS);
            assertThat(history.killed()).as("the run was killed at row 2's add_users request").isTrue();
            Map<String, String> line = ResultsCsv.read(killed.results()).line(2);

            SoftAssertions soft = new SoftAssertions();
            new RecoveryCheck(scenario, killed.killSwitch().exchanges(), undisturbedResults)
                    .checkNothingCreatedTwice(soft);
            soft.assertThat(line.get("failed_step")).as("failed_step of row 2").isEqualTo("create_integration");
            soft.assertThat(line.get("status"))
                    .as("status of row 2, whose integration response was lost, after a kill during its add_users"
                            + " call; error: %s", line.get("error"))
                    .isEqualTo("IN_DOUBT");
            soft.assertThat(history.last().exitCode()).as("exit code of the last run").isEqualTo(3);
            soft.assertAll();
        }
    }

    private Baseline measureUndisturbedRun(CrashScenario scenario, int concurrency) {
        try (ImportWorkspace workspace = workspace("undisturbed-" + concurrency, scenario, concurrency)) {
            RunRecord run = workspace.runToEnd();
            assertThat(run.exitCode()).as("exit code of the undisturbed run; log:%n%s", run.log()).isEqualTo(3);
            ResultsCsv results = ResultsCsv.read(workspace.results());
            for (int i = 0; i < scenario.rows().size(); i++) {
                InputRow row = scenario.rows().get(i);
                Map<String, String> line = results.line(i + 1);
                assertThat(line.get("status")).as("status of row %d (%s) in the undisturbed run: %s", i + 1,
                        row.customerName(), line.get("error")).isEqualTo(row.expectedStatus());
                assertThat(line.get("failed_step")).as("failed_step of row %d in the undisturbed run", i + 1)
                        .isEqualTo(row.expectedFailedStep());
            }
            SoftAssertions soft = new SoftAssertions();
            new RecoveryCheck(scenario, workspace.killSwitch().exchanges(), results).checkNothingCreatedTwice(soft);
            soft.assertAll();
            System.out.printf("Concurrency %d: an undisturbed run sends %d requests%n", concurrency,
                    workspace.killSwitch().requestCount());
            return new Baseline(workspace.killSwitch().requestCount(), results);
        }
    }

    private KillOutcome killAndRestart(CrashScenario scenario, KillPoint point, int concurrency) {
        try (ImportWorkspace workspace = workspace("kill-" + concurrency + "-" + point.request() + "-"
                + point.timing(), scenario, concurrency)) {
            RestartHistory history = workspace.killAndRestart(point, MAX_RESTARTS);
            return new KillOutcome(point, concurrency, history, workspace.killSwitch().exchanges(),
                    workspace.results());
        }
    }

    private static void verify(CrashScenario scenario, Baseline baseline, KillOutcome outcome) {
        KillPoint point = outcome.point();
        RestartHistory history = outcome.history();
        assertThat(history.killed()).as("the first run reached %s and was killed", point).isTrue();
        assertThat(history.first().exitCode()).as("exit code of the killed run").isEqualTo(KILLED_EXIT_CODE);
        assertThat(history.last().exitCode()).as("exit code of the last of %d restarts; log:%n%s",
                history.restarts().size(), history.last().log()).isNotEqualTo(1);

        ResultsCsv results = ResultsCsv.read(outcome.results());
        RecoveryCheck check = new RecoveryCheck(scenario, outcome.exchanges(), baseline.results());
        printTableLine(outcome, check, results);

        SoftAssertions soft = new SoftAssertions();
        check.checkNothingCreatedTwice(soft);
        check.checkEveryRecordFinished(soft, results);
        // with one row at a time and the response held back, the importer has nothing else in flight
        boolean exactInDoubt = outcome.concurrency() == 1 && point.timing() == KillPoint.Timing.BEFORE_RESPONSE;
        check.checkStatuses(soft, results, exactInDoubt);
        check.checkExitCode(soft, results, history.last().exitCode());
        soft.assertThat(history.resultsAfterKill()).as("problem of the results file right after the kill")
                .isEmpty();
        soft.assertThat(history.stoppedRestarts())
                .as("restarts that exited with 1, for example because the dead run still held the database")
                .isEmpty();
        soft.assertAll();
    }

    private static void printTableLine(KillOutcome outcome, RecoveryCheck check, ResultsCsv results) {
        KillPoint point = outcome.point();
        String request = outcome.exchanges().stream()
                .filter(exchange -> exchange.sequence() == point.request())
                .findFirst()
                .map(RecoveryCheck::label)
                .orElse("?");
        Map<String, List<String>> rowsByStatus = new TreeMap<>();
        for (Map<String, String> line : results.lines()) {
            rowsByStatus.computeIfAbsent(line.get("status"), status -> new ArrayList<>()).add(line.get("row"));
        }
        String statuses = rowsByStatus.entrySet().stream()
                .map(entry -> entry.getValue().size() + " " + entry.getKey()
                        + (entry.getKey().equals("SUCCEEDED") ? "" : " " + entry.getValue()))
                .collect(Collectors.joining(", "));
        List<Integer> unsent = check.inDoubtWithoutRequest(results);
        System.out.printf("c=%-2d %-28s %-42s exits %-8s %s%s%n", outcome.concurrency(), point, request,
                outcome.history().exitCodes(), statuses,
                unsent.isEmpty() ? "" : "; in doubt without a request: rows " + unsent);
    }

    /** Returns kill points spread evenly over the requests, every third one letting the response out first. */
    private static List<KillPoint> killPoints(int requests) {
        return IntStream.range(0, KILL_POINTS)
                .mapToObj(i -> new KillPoint(1 + (int) Math.round(i * (requests - 1) / (double) (KILL_POINTS - 1)),
                        i % 3 == 2 ? KillPoint.Timing.AFTER_RESPONSE : KillPoint.Timing.BEFORE_RESPONSE))
                .distinct()
                .toList();
    }

    private ImportWorkspace workspace(String name, CrashScenario scenario, int concurrency) {
        try {
            Path workspaceFolder = Files.createDirectories(folder.resolve(name));
            return new ImportWorkspace(workspaceFolder, scenario, StandInApi.start(),
                    List.of("--importer.concurrency=" + concurrency));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a background task and returns its result, rethrowing its own failure. */
    private static <T> T resultOf(Future<T> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void respondToIntegrationWith502(StandInApi api, String integrationName) {
        api.stub(1, post(urlPathMatching(Endpoint.CREATE_INTEGRATION.pathRegex()))
                .withRequestBody(equalToJson("{\"name\": \"" + integrationName + "\"}", true, true))
                .willReturn(aResponse().withStatus(502)));
    }

    /**
     * What an undisturbed run of a scenario did.
     *
     * @param requests the requests it sent
     * @param results its results file
     */
    private record Baseline(int requests, ResultsCsv results) {
    }

    /**
     * A run killed at a kill point and restarted.
     *
     * @param exchanges the requests of all runs
     * @param results the results file of the last run
     */
    private record KillOutcome(KillPoint point, int concurrency, RestartHistory history, List<ApiExchange> exchanges,
            Path results) {
    }
}
