package com.mspimporter.onboarding;

import com.mspimporter.api.RequestCounter;

/**
 * Saves one row's progress after each call, adding the HTTP requests sent since the previous save to the
 * row's attempts.
 */
final class RowRecorder {

    private final RowStore store;
    private final DiskFlush diskFlush;
    private final RowProgress row;
    private final RequestCounter counter = new RequestCounter();
    private int recorded;

    RowRecorder(RowStore store, DiskFlush diskFlush, RowProgress row) {
        this.store = store;
        this.diskFlush = diskFlush;
        this.row = row;
    }

    RowProgress row() {
        return row;
    }

    RequestCounter counter() {
        return counter;
    }

    void save() {
        int sent = counter.sent();
        row.addAttempts(sent - recorded);
        recorded = sent;
        store.save(row);
    }

    /** Saves the row and writes it to disk, so that a restart finds what a create call returned. */
    void saveAndFlush() {
        save();
        diskFlush.flush();
    }

    /** Writes the row's and the registries' changes so far to disk. */
    void flush() {
        diskFlush.flush();
    }
}
