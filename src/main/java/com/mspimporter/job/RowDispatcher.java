package com.mspimporter.job;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mspimporter.api.ApiUnavailableException;
import com.mspimporter.api.KeyRejectedException;
import com.mspimporter.onboarding.RowOnboarder;
import com.mspimporter.onboarding.RowProgress;
import com.mspimporter.onboarding.RowStatus;
import com.mspimporter.onboarding.RowStore;

/**
 * Feeds the {@code PENDING} rows of a file to a fixed number of worker threads, page by page, so that the other
 * rows keep moving while one row waits on a retry. It stops taking new rows as soon as a stop is requested and
 * lets the rows in flight finish and be recorded.
 */
final class RowDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RowDispatcher.class);
    private static final int PAGE_SIZE = 500;

    private final String fileId;
    private final RowStore rows;
    private final RowOnboarder onboarder;
    private final RunControl runControl;
    private final int concurrency;
    private final Semaphore slots;
    private final Map<RowStatus, AtomicLong> finished = new EnumMap<>(RowStatus.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object progress = new Object();
    private volatile boolean done;
    private Thread feeder;

    RowDispatcher(String fileId, RowStore rows, RowOnboarder onboarder, RunControl runControl, int concurrency) {
        this.fileId = fileId;
        this.rows = rows;
        this.onboarder = onboarder;
        this.runControl = runControl;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        for (RowStatus status : RowStatus.values()) {
            finished.put(status, new AtomicLong());
        }
    }

    void start() {
        feeder = new Thread(this::feed, "row-feeder");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** Waits until every row is handled or the timeout passes, whichever comes first. */
    void awaitProgress(long timeoutMillis) throws InterruptedException {
        synchronized (progress) {
            if (!done) {
                progress.wait(timeoutMillis);
            }
        }
    }

    boolean isDone() {
        return done;
    }

    /** Returns how many rows ended with each status so far; {@code PENDING} counts rows left for a restart. */
    Map<RowStatus, Long> finishedCounts() {
        Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
        finished.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    private void feed() {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "onboard-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            long lastRow = 0;
            while (!runControl.shouldStop()) {
                List<RowProgress> page = rows.findPending(fileId, lastRow, PAGE_SIZE);
                if (page.isEmpty()) {
                    break;
                }
                for (RowProgress row : page) {
                    slots.acquire();
                    if (runControl.shouldStop()) {
                        slots.release();
                        break;
                    }
                    inFlight.incrementAndGet();
                    workers.execute(() -> onboard(row));
                    lastRow = row.rowNumber();
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            runControl.requestStop(StopReason.TERMINATED, "The importer was interrupted.");
        }
        catch (RuntimeException ex) {
            log.error("Reading the rows to onboard failed", ex);
            runControl.requestStop(StopReason.FAILURE, "Reading the rows to onboard failed: " + ex.getMessage());
        }
        finally {
            workers.shutdown();
            awaitWorkers(workers);
            synchronized (progress) {
                done = true;
                progress.notifyAll();
            }
        }
    }

    private void onboard(RowProgress row) {
        try {
            RowStatus status = onboarder.onboard(row);
            finished.get(status).incrementAndGet();
        }
        catch (KeyRejectedException ex) {
            runControl.requestStop(StopReason.KEY_REJECTED, ex.getMessage() + " Check IMPORTER_API_KEY and run"
                    + " again.");
        }
        catch (ApiUnavailableException ex) {
            runControl.requestStop(StopReason.API_UNAVAILABLE, "The API keeps failing (" + ex.getMessage()
                    + "); the run stopped and a restart continues it.");
        }
        catch (RuntimeException ex) {
            log.error("Row {} could not be onboarded", row.rowNumber(), ex);
            runControl.requestStop(StopReason.FAILURE, "Row " + row.rowNumber() + " could not be onboarded: "
                    + ex.getMessage());
        }
        finally {
            inFlight.decrementAndGet();
            slots.release();
        }
    }

    private static void awaitWorkers(ExecutorService workers) {
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                log.info("Waiting for the rows in flight to finish");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
