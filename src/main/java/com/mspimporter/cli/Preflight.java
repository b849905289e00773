package com.mspimporter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the files of the command line before anything starts, so that a typo costs no call. */
final class Preflight {

    private Preflight() {
    }

    static void checkFiles(CommandLine commandLine) {
        if (commandLine.input() != null) {
            Path input = commandLine.input();
            if (Files.isDirectory(input)) {
                throw new UsageException("The input " + input.toAbsolutePath() + " is a folder; use --input-dir to"
                        + " import the CSV files of a folder.");
            }
            if (!Files.isRegularFile(input)) {
                throw new UsageException("The input file " + input.toAbsolutePath() + " does not exist.");
            }
            if (!Files.isReadable(input)) {
                throw new UsageException("The input file " + input.toAbsolutePath() + " cannot be read.");
            }
            if (commandLine.resultsFile().toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                throw new UsageException("--output names the input file itself; choose another results file.");
            }
            checkWritable(commandLine.resultsFile());
        }
        if (commandLine.inputDir() != null && !Files.isDirectory(commandLine.inputDir())) {
            throw new UsageException("The input folder " + commandLine.inputDir().toAbsolutePath()
                    + " does not exist.");
        }
    }

    private static void checkWritable(Path output) {
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException("The folder of the results file " + output.toAbsolutePath()
                    + " does not exist.");
        }
        if (Files.isDirectory(output)) {
            throw new UsageException("The results file " + output.toAbsolutePath() + " is a folder.");
        }
        try {
            Path probe = Files.createTempFile(folder, ".msp-importer-", ".probe");
            Files.delete(probe);
        }
        catch (IOException ex) {
            throw new UsageException("The results file cannot be written in " + folder + ": " + ex.getMessage());
        }
    }
}
