package com.mspimporter.cli;

import java.sql.SQLException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.dao.DataAccessException;
import org.springframework.validation.FieldError;

import com.mspimporter.job.ImportOutcome;

/**
 * One sentence and an exit code for a failure to start: a bad setting (2), an unusable job database (2), or a job
 * database held by another run (1). Spring Boot would print many lines and exit with 1.
 */
record StartupFailure(int exitCode, String message) {

    /** H2's error code for a database file that another process has open. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    static StartupFailure of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindValidationException invalid) {
                String details = invalid.getValidationErrors().getAllErrors().stream()
                        .map(problem -> problem instanceof FieldError field
                                ? invalid.getValidationErrors().getName() + "." + field.getField() + " "
                                        + problem.getDefaultMessage() + " (was " + field.getRejectedValue() + ")"
                                : problem.getDefaultMessage())
                        .reduce((first, second) -> first + "; " + second)
                        .orElse(invalid.getMessage());
                return new StartupFailure(ImportOutcome.UNUSABLE, "Invalid setting: " + details + ".");
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException binding) {
                Throwable reason = binding.getCause() != null ? deepest(binding.getCause()) : binding;
                return new StartupFailure(ImportOutcome.UNUSABLE, "Invalid setting " + binding.getName()
                        + (binding.getProperty() != null ? " = '" + binding.getProperty().getValue() + "'" : "")
                        + ": " + reason.getMessage());
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new StartupFailure(ImportOutcome.STOPPED, "Another run is using the job database; wait for"
                        + " it to finish and start again.");
            }
        }
        Throwable deepest = deepest(error);
        if (hasSqlCause(error)) {
            return new StartupFailure(ImportOutcome.UNUSABLE, "The job database cannot be used: "
                    + firstLine(deepest.getMessage()));
        }
        return new StartupFailure(ImportOutcome.UNUSABLE, firstLine(deepest.getMessage()));
    }

    private static boolean hasSqlCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable deepest(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "the importer could not start";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
