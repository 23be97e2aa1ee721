package org.apom.registry.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apom.registry.api.ImportActivity;

/** The imports of this node, run by one executor in the order they came, with how many run and wait now. */
final class ImportQueue {

    private final ExecutorService executor;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    ImportQueue(ExecutorService executor) {
        this.executor = executor;
    }

    void submit(Runnable run) {
        queued.incrementAndGet();
        try {
            executor.submit(() -> {
                running.incrementAndGet();
                queued.decrementAndGet();
                try {
                    run.run();
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException stopped) {
            queued.decrementAndGet();
            throw stopped;
        }
    }

    ImportActivity activity() {
        return new ImportActivity(running.get(), queued.get());
    }

    /** Interrupts the running import (it resumes at the next start) and drops the queued ones. */
    void shutdownNow() {
        queued.addAndGet(-executor.shutdownNow().size());
    }
}
