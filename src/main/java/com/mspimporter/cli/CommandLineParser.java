package com.mspimporter.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the importer's own options and passes Spring Boot properties ({@code --importer.*}, {@code --spring.*},
 * {@code --logging.*}) through. Spring Boot would accept any other option silently, so the parser rejects it.
 */
public final class CommandLineParser {

    private CommandLineParser() {
    }

    public static CommandLine parse(String... args) {
        Path input = null;
        Path output = null;
        Path inputDir = null;
        boolean dryRun = false;
        boolean retryFailed = false;
        boolean help = false;
        List<String> spring = new ArrayList<>();
        Set<String> settingsGiven = new HashSet<>();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--input" -> input = Path.of(required(name, value));
                case "--output" -> output = Path.of(required(name, value));
                case "--input-dir" -> inputDir = Path.of(required(name, value));
                case "--dry-run" -> dryRun = flag(name, value);
                case "--retry-failed" -> retryFailed = flag(name, value);
                case "--help", "-h" -> help = true;
                default -> {
                    if (!isSpringProperty(name) || value == null) {
                        throw new UsageException("Unknown option '" + arg + "'; run with --help to see the options.");
                    }
                    if (name.startsWith("--importer.") && !SettingNames.isKnown(name.substring(2))) {
                        throw new UsageException("Unknown setting '" + name.substring(2) + "'; run with --help to"
                                + " see the settings.");
                    }
                    if (!settingsGiven.add(name)) {
                        // Spring Boot would join both values with a comma into one value, which is rarely valid
                        throw new UsageException("'" + name + "' is given twice; give each setting once.");
                    }
                    spring.add(arg);
                }
            }
        }
        if (!help) {
            checkCombination(input, output, inputDir, dryRun, retryFailed);
        }
        return new CommandLine(input, output, inputDir, dryRun, retryFailed, help, spring);
    }

    private static void checkCombination(Path input, Path output, Path inputDir, boolean dryRun, boolean retryFailed) {
        if (input == null && inputDir == null) {
            throw new UsageException("Missing --input=FILE (or --input-dir=DIR); run with --help to see the options.");
        }
        if (input != null && inputDir != null) {
            throw new UsageException("Give either --input or --input-dir, not both.");
        }
        if (inputDir != null && (output != null || dryRun || retryFailed)) {
            throw new UsageException("--output, --dry-run and --retry-failed apply to a single --input file, not to"
                    + " --input-dir.");
        }
        if (dryRun && retryFailed) {
            throw new UsageException("--dry-run makes no call, so it cannot be combined with --retry-failed.");
        }
    }

    private static boolean isSpringProperty(String name) {
        return name.startsWith("--importer.") || name.startsWith("--spring.") || name.startsWith("--logging.");
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " needs a value, as in " + name + "=PATH.");
        }
        return value;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new UsageException(name + " takes no value.");
    }
}
