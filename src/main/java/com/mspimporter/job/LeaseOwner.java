package com.mspimporter.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Identifies the process that holds the run lease, written as {@code pid@host#start} where {@code start} is the
 * process's start time in epoch milliseconds. The start time distinguishes a live holder from a later process that happens
 * to have the same id, since process ids are reused.
 *
 * @param pid the process id
 * @param host the host name
 * @param startMillis when the process started, or 0 when the system does not tell
 */
record LeaseOwner(long pid, String host, long startMillis) {

    static LeaseOwner current() {
        return new LeaseOwner(ProcessHandle.current().pid(), hostName(), startMillis(ProcessHandle.current()));
    }

    static Optional<LeaseOwner> parse(String text) {
        int at = text.indexOf('@');
        int hash = text.lastIndexOf('#');
        if (at <= 0 || hash < at) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LeaseOwner(Long.parseLong(text.substring(0, at)), text.substring(at + 1, hash),
                    Long.parseLong(text.substring(hash + 1))));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    String text() {
        return pid + "@" + host + "#" + startMillis;
    }

    /** Tells whether this owner ran on this host and its process no longer exists. */
    boolean isGoneFromThisHost() {
        if (!host.equals(hostName())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        return process.isEmpty() || startMillis(process.get()) != startMillis;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
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
