package com.mspimporter.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets one run at a time use the job database. The holder renews its lease every few seconds; a lease that was
 * not renewed for {@link #EXPIRY}, or whose process on this host is gone, belongs to a dead run and is taken over.
 */
@Component
public class RunLease {

    static final Duration EXPIRY = Duration.ofSeconds(30);
    private static final Duration RENEWAL = Duration.ofSeconds(5);
    private static final String NAME = "import";
    private static final Logger log = LoggerFactory.getLogger(RunLease.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RunControl runControl;
    private final String owner;
    private ScheduledExecutorService renewer;

    public RunLease(DataSource dataSource, Clock clock, RunControl runControl) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.runControl = runControl;
        this.owner = LeaseOwner.current().text();
    }

    /** Raised when another live run holds the lease. */
    public static class HeldException extends RuntimeException {

        public HeldException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lease and keeps renewing it until {@link #release()}.
     *
     * @throws HeldException when another run is using the database
     */
    public synchronized void acquire() {
        if (!tryInsert()) {
            takeOverDeadHolder();
        }
        renewer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lease-renewer");
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleAtFixedRate(this::renew, RENEWAL.toMillis(), RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void release() {
        if (renewer != null) {
            renewer.shutdownNow();
            renewer = null;
            jdbc.sql("DELETE FROM importer_lease WHERE lease_name = ? AND owner = ?").params(NAME, owner).update();
        }
    }

    private boolean tryInsert() {
        try {
            jdbc.sql("INSERT INTO importer_lease (lease_name, owner, renewed_at) VALUES (?, ?, ?)")
                    .params(NAME, owner, now())
                    .update();
            return true;
        }
        catch (DataIntegrityViolationException ex) {
            return false;
        }
    }

    private void takeOverDeadHolder() {
        record Holder(String owner, Timestamp renewedAt) {
        }
        Optional<Holder> holder = jdbc.sql("SELECT owner, renewed_at FROM importer_lease WHERE lease_name = ?")
                .param(NAME)
                .query((rs, rowNum) -> new Holder(rs.getString("owner"), rs.getTimestamp("renewed_at")))
                .optional();
        if (holder.isEmpty()) {
            if (tryInsert()) {
                return;
            }
            throw new HeldException("Another run took the job database at the same moment; try again.");
        }
        Holder current = holder.get();
        boolean expired = current.renewedAt().toInstant().plus(EXPIRY).isBefore(clock.instant());
        boolean gone = LeaseOwner.parse(current.owner()).map(LeaseOwner::isGoneFromThisHost).orElse(false);
        if (!expired && !gone) {
            throw new HeldException("Another run (" + current.owner() + ") is using the job database; wait for it"
                    + " to finish, or if it died, wait " + EXPIRY.toSeconds() + " seconds and start again.");
        }
        int taken = jdbc.sql("""
                UPDATE importer_lease SET owner = ?, renewed_at = ?
                WHERE lease_name = ? AND owner = ? AND renewed_at = ?""")
                .params(owner, now(), NAME, current.owner(), current.renewedAt())
                .update();
        if (taken == 0) {
            throw new HeldException("Another run took the job database at the same moment; try again.");
        }
        log.info("Took over the job database from a run that is gone ({})", current.owner());
    }

    private void renew() {
        try {
            int renewed = jdbc.sql("UPDATE importer_lease SET renewed_at = ? WHERE lease_name = ? AND owner = ?")
                    .params(now(), NAME, owner)
                    .update();
            if (renewed == 0) {
                runControl.requestStop(StopReason.FAILURE, "Another run took over the job database; this run"
                        + " stopped to avoid working on the same rows.");
            }
        }
        catch (RuntimeException ex) {
            log.warn("Could not renew the job database lease: {}", ex.getMessage());
        }
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
