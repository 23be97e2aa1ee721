package org.apom.extensions.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests a province's application is serving. Once closed it admits no new request, so a request either
 * runs on it from start to end or is sent elsewhere; whoever closed it can then wait until the last one is done.
 */
final class InFlight {

    private static final int CLOSED = Integer.MIN_VALUE;

    /** The sign bit says closed, the other bits count the requests in flight. */
    private final AtomicInteger state = new AtomicInteger();

    /** @return whether the request may run here; if so, {@link #exit()} must follow */
    boolean enter() {
        while (true) {
            int now = state.get();
            if (now < 0) {
                return false;
            }
            if (state.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void exit() {
        if ((state.decrementAndGet() & Integer.MAX_VALUE) == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Admits no more requests; those in flight go on. */
    void close() {
        while (true) {
            int now = state.get();
            if (now < 0 || state.compareAndSet(now, now | CLOSED)) {
                return;
            }
        }
    }

    boolean closed() {
        return state.get() < 0;
    }

    int count() {
        return state.get() & Integer.MAX_VALUE;
    }

    /** Waits, at most this long, until no request is in flight. @return whether none is */
    synchronized boolean awaitIdle(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (count() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
