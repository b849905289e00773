package com.mspimporter.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mspimporter.crash.ImportWorkspace.RunRecord;
import com.mspimporter.standin.StandInApi;

/** Kills the importer while it imports or writes its results, and reads the results file it leaves behind. */
@Tag("crash")
class ResultsFileAfterKillTest {

    /** Rows that make the results file take a while to write. */
    private static final int INVALID_ROWS = 10_000;

    private static final int KILLED_EXIT_CODE = 137;

    @TempDir
    Path folder;

    @Test
    void killMidImportLeavesNoPartialResults() {
        CrashScenario scenario = CrashScenario.mixed();
        try (ImportWorkspace workspace = new ImportWorkspace(folder, scenario, StandInApi.start(), List.of())) {
            ImporterProcess killed = workspace.start(new KillPoint(30, KillPoint.Timing.BEFORE_RESPONSE));
            int killedExit = killed.awaitExit(ImportWorkspace.RUN_TIMEOUT);

            assertThat(workspace.killSwitch().fired()).as("the run reached request 30 and was killed").isTrue();
            assertThat(killedExit).as("exit code of the killed run").isEqualTo(KILLED_EXIT_CODE);
            assertThat(ResultsCsv.problemOf(workspace.results(), scenario.rows().size()))
                    .as("problem of the results file after the kill").isEmpty();

            RunRecord restart = workspace.runToEnd();
            assertThat(restart.exitCode()).as("exit code of the restart; log:%n%s", restart.log()).isEqualTo(3);
            assertThat(ResultsCsv.read(workspace.results()).lines()).hasSize(scenario.rows().size());
        }
    }

    @Test
    void killWhileRewritingResultsKeepsWholeFile() throws Exception {
        CrashScenario scenario = CrashScenario.clean(2).plusInvalidRows(INVALID_ROWS);
        int records = scenario.rows().size();
        Path output = Path.of("out", CrashScenario.RESULTS_FILE);
        try (ImportWorkspace workspace = new ImportWorkspace(folder, scenario, StandInApi.start(),
                List.of("--importer.max-rejected-rows=100%"), output)) {
            Files.createDirectories(workspace.results().getParent());
            RunRecord first = workspace.runToEnd();
            assertThat(first.exitCode()).as("exit code of the first run; log:%n%s", first.log()).isEqualTo(3);
            assertThat(ResultsCsv.read(workspace.results()).lines()).hasSize(records);

            // the file is imported completely, so running it again only writes its results again
            ResultsWriteWatcher watcher = ResultsWriteWatcher.snapshot(workspace.results());
            ImporterProcess rewriting = workspace.start(null);
            boolean killedWhileWriting = watcher.killOnWrite(rewriting, ImportWorkspace.RUN_TIMEOUT);
            int rewritingExit = rewriting.awaitExit(ImportWorkspace.RUN_TIMEOUT);

            assertThat(killedWhileWriting).as("the results were being written when the run was killed; log:%n%s",
                    rewriting.log()).isTrue();
            assertThat(rewritingExit).as("exit code of the killed run").isEqualTo(KILLED_EXIT_CODE);
            assertThat(ResultsCsv.problemOf(workspace.results(), records))
                    .as("problem of the results file after a kill while it was written").isEmpty();
            assertThat(Files.exists(workspace.results())).as("the earlier results file still exists").isTrue();
            System.out.printf("Killed while rewriting %d result lines; results folder afterwards: %s%n", records,
                    namesIn(workspace.results().getParent()));

            RunRecord third = workspace.runToEnd();
            assertThat(third.exitCode()).as("exit code of the next run; log:%n%s", third.log()).isEqualTo(3);
            assertThat(ResultsCsv.read(workspace.results()).lines()).hasSize(records);
        }
    }

    private static List<String> namesIn(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
