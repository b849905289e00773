package com.mspimporter.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The parsed command line.
 *
 * @param input the CSV to import, or {@code null} in drop-folder mode
 * @param output where the results go, or {@code null} for the default beside the input
 * @param inputDir the drop folder, or {@code null} when a single file is imported
 * @param dryRun validate only: no call, nothing recorded
 * @param retryFailed try the {@code FAILED} and {@code PARTIAL} rows of a completed file again
 * @param help print the usage and exit
 * @param springArguments the {@code --importer.*}, {@code --spring.*} and {@code --logging.*} options, as given
 */
public record CommandLine(Path input, Path output, Path inputDir, boolean dryRun, boolean retryFailed, boolean help,
        List<String> springArguments) {

    public CommandLine {
        springArguments = List.copyOf(springArguments);
    }

    /** Returns the results file: {@code --output}, or the input's name with {@code .csv} replaced by {@code .results.csv}. */
    public Path resultsFile() {
        return output != null ? output : defaultResultsFile(input);
    }

    public static Path defaultResultsFile(Path input) {
        String name = input.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        return input.resolveSibling(base + ".results.csv");
    }
}
