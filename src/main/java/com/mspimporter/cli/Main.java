package com.mspimporter.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mspimporter.ImporterApplication;
import com.mspimporter.job.ImportOutcome;
import com.mspimporter.job.RunControl;
import com.mspimporter.job.StopReason;

/** Entry point of {@code java -jar msp-importer.jar}. */
public final class Main {

    private static final String DRY_RUN_DATABASE = "--spring.datasource.url=jdbc:h2:mem:dry-run";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the importer with command-line arguments and returns the exit code instead of exiting,
     * so that a test or the demo can run it in process.
     */
    public static int run(String... args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLineParser.parse(args);
            if (commandLine.help()) {
                System.out.print(Usage.TEXT);
                return ImportOutcome.SUCCESS;
            }
            Preflight.checkFiles(commandLine);
        }
        catch (UsageException ex) {
            System.err.println("Error: " + ex.getMessage());
            return ImportOutcome.UNUSABLE;
        }

        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(ImporterApplication.class)
                    .web(WebApplicationType.NONE)
                    .registerShutdownHook(false)
                    .logStartupInfo(false)
                    .run(springArguments(commandLine));
        }
        catch (RuntimeException ex) {
            StartupFailure failure = StartupFailure.of(ex);
            System.err.println("Error: " + failure.message());
            return failure.exitCode();
        }
        try (context) {
            RunControl runControl = context.getBean(RunControl.class);
            TerminationSignals.onTerminate(() -> runControl.requestStop(StopReason.TERMINATED,
                    "The importer was asked to stop; the rows not finished stay PENDING for the next run."));
            return context.getBean(ImporterCommand.class).execute(commandLine);
        }
        catch (UsageException ex) {
            System.err.println("Error: " + ex.getMessage());
            return ImportOutcome.UNUSABLE;
        }
        catch (Exception ex) {
            StartupFailure failure = StartupFailure.of(ex);
            System.err.println("Error: " + failure.message());
            return failure.exitCode() == ImportOutcome.UNUSABLE ? ImportOutcome.UNUSABLE : ImportOutcome.STOPPED;
        }
    }

    private static String[] springArguments(CommandLine commandLine) {
        List<String> arguments = new ArrayList<>();
        for (String argument : commandLine.springArguments()) {
            if (!(commandLine.dryRun() && argument.startsWith("--spring.datasource.url="))) {
                arguments.add(argument);
            }
        }
        if (commandLine.dryRun()) {
            // a dry run records nothing, so it never opens the job database
            arguments.add(DRY_RUN_DATABASE);
        }
        return arguments.toArray(String[]::new);
    }
}
