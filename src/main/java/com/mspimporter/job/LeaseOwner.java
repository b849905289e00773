package com.mspimporter.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Identifies the process that holds the run lease, written as {@code pid@host}.
 *
 * @param pid the process id
 * @param host the host name
 */
record LeaseOwner(long pid, String host) {

    static LeaseOwner current() {
        return new LeaseOwner(ProcessHandle.current().pid(), hostName());
    }

    static Optional<LeaseOwner> parse(String text) {
        int at = text.indexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LeaseOwner(Long.parseLong(text.substring(0, at)), text.substring(at + 1)));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    String text() {
        return pid + "@" + host;
    }

    /** Tells whether this owner ran on this host and its process no longer exists. */
    boolean isGoneFromThisHost() {
        return host.equals(hostName()) && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            return "unknown-host";
        }
    }
}
