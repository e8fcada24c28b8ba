package io.firecheck.evaluation;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Queues this instance's order-touching evaluations of one building in memory, before they take a database
 * connection. Otherwise each waits for the building's order row lock holding a pooled connection, and a queue
 * of them outlasts the connection's 1 s socket timeout on a busy machine (a 503 for a valid request). Across
 * instances the row lock still decides; each instance then has at most one waiter per building.
 */
final class BuildingLocks {
    /** Striped: distinct buildings rarely share a stripe, and the lock table never grows. */
    private final ReentrantLock[] stripes = new ReentrantLock[256];

    BuildingLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T with(String buildingId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(buildingId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
