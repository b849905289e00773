package com.mspimporter.onboarding;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.db.Store;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the job database's commits to its file where a killed process must not lose them: before a create call
 * is sent and after its outcome is recorded.
 * <p>
 * {@code H2CommitDurability} sets H2's {@code WRITE_DELAY} to 0, so H2 2.4.240 writes every commit to the file
 * before the commit returns, and a flush normally finds nothing left to write. The flushes mark the points that
 * must be on disk. Under a write delay above 0, {@code CHECKPOINT} writes the commits so far, and the wait for
 * H2's writer threads covers a store that the background writer queued without waiting for it. That wait is
 * needed because {@code CHECKPOINT} returns at once when such a store has already taken every change.
 * NOTE: a write delay of 500 ms with these flushes made onboarding faster and the file smaller. But a program
 * that wrote rows to H2 alone, flushed them this way and then halted its JVM lost a flushed row in 1 of 23 runs,
 * so the delay stays 0.
 * <p>
 * Other databases make every commit durable, and flushing does nothing. Concurrent callers share checkpoints: a
 * caller that waited while another thread ran one checkpoint runs the next one for every caller that committed
 * meanwhile, instead of one checkpoint each.
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
            jdbc.execute((ConnectionCallback<Void>) DiskFlush::checkpoint);
            flushedUpTo = coveredUpTo;
        }
        finally {
            checkpointLock.unlock();
        }
    }

    private static Void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        awaitQueuedWrites(connection);
        return null;
    }

    /**
     * Waits until the stores that H2 has queued for its writer threads are in the file.
     * NOTE: only an embedded database can be reached this way. With an H2 server URL ({@code jdbc:h2:tcp:}) the
     * flush is the {@code CHECKPOINT} alone, which can return before a queued store is written.
     */
    private static void awaitQueuedWrites(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (session instanceof SessionLocal local) {
            Store store = local.getDatabase().getStore();
            FileStore<?> fileStore = store == null ? null : store.getMvStore().getFileStore();
            if (fileStore != null) {
                fileStore.executeFileStoreOperation(() -> {
                });
            }
        }
    }
}
