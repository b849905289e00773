package com.mspimporter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Figures of the machine that every benchmark prints beside its own, because other processes change them. */
final class Host {

    private Host() {
    }

    /**
     * Returns the load averages over 1, 5 and 15 minutes from {@code /proc/loadavg}, because other
     * processes on the same cores change every figure. Returns "unknown" where the file is missing.
     */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        }
        catch (IOException | ArrayIndexOutOfBoundsException ex) {
            return "unknown";
        }
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
