package com.mspimporter.results;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a file written under a temporary name into place, so that readers never see it half written. */
final class ReplacedFiles {

    private ReplacedFiles() {
    }

    /** Renames the temporary file to the target, atomically where the file system can. */
    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a temporary file after a failed write, keeping the write's own failure the one reported. */
    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ignored) {
            // the failure that made the file unwritable is the one worth reporting
        }
    }
}
