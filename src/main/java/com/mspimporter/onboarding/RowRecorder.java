package com.mspimporter.onboarding;

import org.springframework.transaction.support.TransactionOperations;

import com.mspimporter.api.RequestCounter;

/**
 * Saves one row's progress after each call, adding the HTTP requests sent since the previous save to the
 * row's attempts.
 */
final class RowRecorder {

    private final RowStore store;
    private final TransactionOperations transactions;
    private final RowProgress row;
    private final RequestCounter counter = new RequestCounter();
    private int recorded;

    RowRecorder(RowStore store, TransactionOperations transactions, RowProgress row) {
        this.store = store;
        this.transactions = transactions;
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

    /**
     * Saves the row together with a registry change, in one transaction, so that both are written with one
     * commit and a restart finds both or neither.
     */
    void saveWith(Runnable registryChange) {
        transactions.executeWithoutResult(status -> {
            registryChange.run();
            save();
        });
    }
}
