package com.mspimporter.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mspimporter.standin.StandInApi;

/**
 * A folder with an input file and its job database, and a stand-in API with a {@link KillSwitch}: runs the
 * importer as a child process against them, killing it at a chosen request and restarting it.
 */
final class ImportWorkspace implements AutoCloseable {

    /** Maximum time that one importer run of the crash tests may take. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    /** Pause before retrying a restart that exited with 1, for example because the dead run still held a lock. */
    private static final Duration HELD_DATABASE_PAUSE = Duration.ofSeconds(1);

    private static final String DATABASE_URL_OPTION = "--spring.datasource.url=";

    private final Path folder;
    private final StandInApi api;
    private final KillSwitch killSwitch;
    private final Path input;
    private final Path results;
    private final int records;
    private final List<String> settings;
    private int runs;

    /**
     * Writes the scenario's files into the folder, for runs that write their results beside the input.
     *
     * @param api the stand-in API, which the workspace stops when closed
     * @param settings extra command-line settings of every run, such as {@code --importer.concurrency=16}. A
     *     {@code --spring.datasource.url} among them replaces the plain H2 file URL of {@link #database()}.
     */
    ImportWorkspace(Path folder, CrashScenario scenario, StandInApi api, List<String> settings) {
        this(folder, scenario, api, settings, null);
    }

    /**
     * Writes the scenario's files into the folder.
     *
     * @param results the results file that every run writes with {@code --output}, relative to the folder, or
     *     {@code null} for the default beside the input
     */
    ImportWorkspace(Path folder, CrashScenario scenario, StandInApi api, List<String> settings, Path results) {
        this.folder = folder;
        this.api = api;
        this.killSwitch = KillSwitch.installOn(api);
        this.input = scenario.writeTo(folder);
        this.records = scenario.rows().size();
        this.results = results != null ? folder.resolve(results) : folder.resolve(CrashScenario.RESULTS_FILE);
        List<String> all = new ArrayList<>(settings);
        if (results != null) {
            all.add("--output=" + this.results);
        }
        this.settings = List.copyOf(all);
    }

    StandInApi api() {
        return api;
    }

    KillSwitch killSwitch() {
        return killSwitch;
    }

    Path results() {
        return results;
    }

    /** Returns the H2 job database, without the {@code .mv.db} suffix that H2 adds to the file. */
    Path database() {
        return folder.resolve("jobdb");
    }

    /** Runs the importer to its end without a kill and returns its exit code and log. */
    RunRecord runToEnd() {
        ImporterProcess process = start(null);
        return new RunRecord(process.awaitExit(RUN_TIMEOUT), process.log());
    }

    /**
     * Starts the importer, which the kill switch kills at the kill point if there is one. Requests from now on
     * count as this run's.
     */
    ImporterProcess start(KillPoint killPoint) {
        int run = runs++;
        killSwitch.beginRun(run, killPoint);
        ImporterProcess process = ImporterProcess.start(folder, folder.resolve("run-" + run + ".log"), arguments());
        killSwitch.attach(process);
        return process;
    }

    /**
     * Runs the importer killed at a kill point, then restarts it without a kill until it exits with another code
     * than 1 or {@code maxRestarts} restarts have run. A restart that exits with 1 is retried after a short pause
     * and counted in the history, because a restart should take over from a dead run at once.
     */
    RestartHistory killAndRestart(KillPoint killPoint, int maxRestarts) {
        ImporterProcess killed = start(killPoint);
        int killedExit = killed.awaitExit(RUN_TIMEOUT);
        Optional<String> resultsProblem = ResultsCsv.problemOf(results, records);
        List<RunRecord> restarts = new ArrayList<>();
        for (int i = 0; i < maxRestarts; i++) {
            RunRecord restart = runToEnd();
            restarts.add(restart);
            if (restart.exitCode() != 1) {
                break;
            }
            pause(HELD_DATABASE_PAUSE);
        }
        return new RestartHistory(killPoint, killSwitch.fired(), new RunRecord(killedExit, killed.log()),
                resultsProblem, restarts);
    }

    /** Stops the stand-in API. */
    @Override
    public void close() {
        api.close();
    }

    private List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--input=" + input.getFileName(),
                "--importer.api.base-url=" + api.baseUrl(),
                "--importer.api.key=" + api.apiKey(),
                "--importer.retry.initial-wait=10ms",
                "--importer.retry.max-wait=50ms"));
        // Spring Boot joins the values of a repeated option with commas, so a URL in the settings replaces this one
        if (settings.stream().noneMatch(setting -> setting.startsWith(DATABASE_URL_OPTION))) {
            arguments.add(DATABASE_URL_OPTION + "jdbc:h2:file:" + database());
        }
        arguments.addAll(settings);
        return arguments;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted between two importer runs", e);
        }
    }

    /**
     * One importer run.
     *
     * @param exitCode the process exit code, which is 137 for a process killed with {@code SIGKILL}
     * @param log what the process wrote to standard output and error
     */
    record RunRecord(int exitCode, String log) {
    }

    /**
     * A run killed at a kill point and the restarts after it.
     *
     * @param killPoint where the first run was to be killed
     * @param killed whether the first run reached the kill point and was killed there
     * @param first the first run
     * @param resultsAfterKill what was wrong with the results file right after the kill, if it existed and was not
     *     whole
     * @param restarts the restarts, in order; the last one ended the import unless every one exited with 1
     */
    record RestartHistory(KillPoint killPoint, boolean killed, RunRecord first, Optional<String> resultsAfterKill,
            List<RunRecord> restarts) {

        RestartHistory {
            restarts = List.copyOf(restarts);
        }

        RunRecord last() {
            return restarts.isEmpty() ? first : restarts.get(restarts.size() - 1);
        }

        /** Returns the restarts that exited with 1. */
        List<RunRecord> stoppedRestarts() {
            return restarts.stream().filter(run -> run.exitCode() == 1).toList();
        }

        /** Returns the exit codes of all runs joined by arrows, as in {@code 137→3}. */
        String exitCodes() {
            StringBuilder codes = new StringBuilder(Integer.toString(first.exitCode()));
            restarts.forEach(run -> codes.append('→').append(run.exitCode()));
            return codes.toString();
        }
    }
}
