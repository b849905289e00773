package com.mspimporter.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Describes the job database for the log: an H2 file by its absolute path, any other URL without its password. */
final class JobDatabases {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private JobDatabases() {
    }

    /** Hides the user and password of a URL such as {@code https://user:secret@host/}. */
    static String withoutUserInfo(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1***@");
    }

    static String describe(String url) {
        String safe = PASSWORD.matcher(url).replaceAll("$1***");
        String prefix = "jdbc:h2:file:";
        if (safe.startsWith(prefix)) {
            String path = safe.substring(prefix.length());
            int options = path.indexOf(';');
            String file = options < 0 ? path : path.substring(0, options);
            return "H2 file " + Path.of(file).toAbsolutePath().normalize() + ".mv.db (losing it loses the memory of"
                    + " what was created)";
        }
        return safe;
    }
}
