package com.mspimporter.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.mspimporter.api.ApiSettingsCheck;
import com.mspimporter.config.ImporterProperties;
import com.mspimporter.job.ImportLauncher;
import com.mspimporter.job.ImportOutcome;
import com.mspimporter.job.ImportRequest;
import com.mspimporter.job.RunControl;
import com.mspimporter.job.RunLease;
import com.mspimporter.onboarding.ApiIdentity;
import com.mspimporter.onboarding.Identities;
import com.mspimporter.onboarding.KnownApis;

/** Runs the command line's request inside the application context and returns the exit code. */
@Component
public class ImporterCommand {

    private static final Logger log = LoggerFactory.getLogger(ImporterCommand.class);

    private final ImportLauncher launcher;
    private final RunLease lease;
    private final RunControl runControl;
    private final DryRun dryRun;
    private final KnownApis knownApis;
    private final ImporterProperties properties;
    private final Clock clock;
    private final String databaseUrl;

    ImporterCommand(ImportLauncher launcher, RunLease lease, RunControl runControl, DryRun dryRun,
            KnownApis knownApis, ImporterProperties properties, Clock clock, Environment environment) {
        this.databaseUrl = environment.getProperty("spring.datasource.url", "");
        this.launcher = launcher;
        this.lease = lease;
        this.runControl = runControl;
        this.dryRun = dryRun;
        this.knownApis = knownApis;
        this.properties = properties;
        this.clock = clock;
    }

    public int execute(CommandLine commandLine) throws Exception {
        if (commandLine.dryRun()) {
            ImportOutcome outcome = dryRun.run(commandLine.input(), commandLine.resultsFile());
            Summary.printDryRun(commandLine.input(), outcome);
            return outcome.exitCode();
        }
        try {
            ApiSettingsCheck.check(properties.api());
        }
        catch (IllegalStateException ex) {
            throw new UsageException(ex.getMessage());
        }
        String apiBaseUrl = ApiIdentity.of(properties.api().baseUrl());
        Optional<String> knownSpelling = knownApis.otherSpellingOf(apiBaseUrl);
        if (knownSpelling.isPresent()) {
            throw new UsageException("The job database knows this API as " + knownSpelling.get() + ", so set"
                    + " importer.api.base-url=" + knownSpelling.get() + "; under another spelling it would not find"
                    + " the customers it created and would create them again.");
        }
        if (properties.deadline() != null) {
            runControl.stopAt(clock.instant().plus(properties.deadline()));
        }
        log.info("Job database: {}", JobDatabases.describe(databaseUrl));
        try {
            lease.acquire();
        }
        catch (RunLease.HeldException ex) {
            log.error(ex.getMessage());
            return ImportOutcome.STOPPED;
        }
        try {
            if (commandLine.inputDir() != null) {
                return importFolder(commandLine.inputDir());
            }
            return importFile(commandLine.input(), commandLine.resultsFile(), commandLine.retryFailed());
        }
        finally {
            lease.release();
        }
    }

    /**
     * Imports each ready file of a drop folder and moves the completed ones to the done folder. A failed file stays
     * in place for the next run; the exit code is the worst outcome: 1, then 2, then 3, then 0.
     */
    int importFolder(Path folder) throws Exception {
        DropFolder dropFolder = new DropFolder(folder, properties.doneDir(), clock);
        List<Path> files = dropFolder.readyFiles();
        log.info("Drop folder {}: {} files to import", folder.toAbsolutePath(), files.size());
        int worst = ImportOutcome.SUCCESS;
        for (Path file : files) {
            if (runControl.shouldStop()) {
                log.warn("Not starting {}: the run was asked to stop", file.getFileName());
                worst = ImportOutcome.STOPPED;
                break;
            }
            Path results = CommandLine.defaultResultsFile(file);
            int exitCode;
            try {
                exitCode = importFile(file, results, false);
            }
            catch (RuntimeException ex) {
                log.error("Importing {} failed: {}", file.getFileName(), ex.getMessage());
                exitCode = ImportOutcome.STOPPED;
            }
            if (exitCode == ImportOutcome.SUCCESS || exitCode == ImportOutcome.NEEDS_ATTENTION) {
                dropFolder.moveToDone(file, results);
            }
            worst = worse(worst, exitCode);
        }
        log.info("Drop folder {} finished: {} files, exit code {}: {}", folder.toAbsolutePath(), files.size(), worst,
                Summary.meaning(worst));
        return worst;
    }

    private static int worse(int first, int second) {
        List<Integer> severity = List.of(ImportOutcome.STOPPED, ImportOutcome.UNUSABLE,
                ImportOutcome.NEEDS_ATTENTION, ImportOutcome.SUCCESS);
        return severity.indexOf(first) <= severity.indexOf(second) ? first : second;
    }

    int importFile(Path input, Path output, boolean retryFailed) throws Exception {
        Instant started = clock.instant();
        String apiBaseUrl = ApiIdentity.of(properties.api().baseUrl());
        String contentSha256 = sha256Of(input);
        ImportRequest request = new ImportRequest(input, output, contentSha256,
                Identities.sha256(apiBaseUrl, contentSha256), apiBaseUrl, retryFailed);
        log.info("Importing {} (SHA-256 {}) into {}", input.toAbsolutePath(), contentSha256,
                JobDatabases.withoutUserInfo(apiBaseUrl));
        ImportOutcome outcome = launcher.run(request);
        Summary.print(input, outcome, Duration.between(started, clock.instant()));
        return outcome.exitCode();
    }

    private static String sha256Of(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + file + ": " + ex.getMessage(), ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
    }
}
