package com.mspimporter.onboarding;

import com.mspimporter.api.RequestCounter;

/**
 * Saves one row's progress after each call, adding the HTTP requests sent since the previous save to the
 * row's attempts.
 */
final class RowRecorder {

    private final RowStore store;
    private final RowProgress row;
    private final RequestCounter counter = new RequestCounter();
    private int recorded;

    RowRecorder(RowStore store, RowProgress row) {
        this.store = store;
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
}
