package com.mspimporter.input;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Resolves the key-file cell of a row against the folder of the CSV file, and keeps it there: a
 * path that leaves the folder by {@code ..}, by being absolute elsewhere, or through a symbolic
 * link, is rejected, so that a CSV file cannot make the importer send any other file on the
 * machine.
 */
final class KeyFileLocation {

    private KeyFileLocation() {
    }

    /**
     * Returns the absolute, normalised path of the key file named by a cell.
     *
     * @throws InvalidKeyFileException when the path is outside the folder or is not found
     */
    static Path resolve(Path csvFolder, String cell) {
        Path folder = csvFolder.toAbsolutePath().normalize();
        Path path;
        try {
            path = Path.of(cell);
        } catch (InvalidPathException e) {
            throw new InvalidKeyFileException(ProblemText.quote(cell), "is not a valid path");
        }
        Path candidate = folder.resolve(path).normalize();
        Path realFolder = realPath(folder);
        if (!candidate.startsWith(folder) && !candidate.startsWith(realFolder)) {
            throw new InvalidKeyFileException(candidate, "is outside " + folder + ", the folder of the CSV file;"
                    + " key files must be in that folder or below it");
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InvalidKeyFileException(candidate, "is not found");
        } catch (IOException e) {
            throw new InvalidKeyFileException(candidate, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        if (!real.startsWith(realFolder)) {
            throw new InvalidKeyFileException(candidate, "is a symbolic link to a file outside " + folder
                    + ", the folder of the CSV file");
        }
        return candidate;
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new InvalidKeyFileException(folder, "cannot be checked because the folder of the CSV file"
                    + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
