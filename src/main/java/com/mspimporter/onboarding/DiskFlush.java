package com.mspimporter.onboarding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the job database's commits to its file where a killed process must not lose them: before a create call
 * is sent and after its outcome is recorded.
 * <p>
 * H2 keeps commits in memory for up to {@code WRITE_DELAY} (500 ms by default) and then writes them with its
 * housekeeping. Setting {@code WRITE_DELAY} to 0 would write every commit at once, but a chunk per commit made the
 * file grow by tens of kilobytes per row, and H2 2.4.240 only compacts in the background thread that a delay of 0
 * turns off. So commits keep the delay, and {@link #flush()} runs {@code CHECKPOINT}, which writes every commit
 * so far. H2 recovers the file to its last write, so a killed process loses at most the commits made after the
 * last flush. Other databases make every commit durable, and flushing does nothing.
 * <p>
 * Concurrent callers share checkpoints: a caller that waited while another thread ran one checkpoint runs the
 * next one for every caller that committed meanwhile, instead of one checkpoint each.
 */
@Component
public class DiskFlush {

    private final JdbcTemplate jdbc;
    private final boolean h2;
    private final ReentrantLock checkpointLock = new ReentrantLock();
    /** Numbers the flush requests in the order of their calls. */
    private final AtomicLong requests = new AtomicLong();
    /** The highest request number whose commits a finished checkpoint wrote; guarded by the lock. */
    private long flushedUpTo;

    public DiskFlush(DataSource dataSource) throws SQLException {
        this.jdbc = new JdbcTemplate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Writes every commit that the calling thread has made so far to the job database's file. */
    public void flush() {
        if (!h2) {
            return;
        }
        long request = requests.incrementAndGet();
        checkpointLock.lock();
        try {
            if (flushedUpTo >= request) {
                return;
            }
            // every request numbered up to here was made after its caller's commits, so this checkpoint covers them
            long coveredUpTo = requests.get();
            jdbc.execute("CHECKPOINT");
            flushedUpTo = coveredUpTo;
        }
        finally {
            checkpointLock.unlock();
        }
    }
}
