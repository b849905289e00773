package com.mspimporter.onboarding;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks chosen by the hash of a key, so that rows naming the same customer or integration
 * take turns while memory stays bounded however many keys a file has.
 */
final class StripedLocks {

    private final ReentrantLock[] locks;

    StripedLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock lockFor(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }
}
