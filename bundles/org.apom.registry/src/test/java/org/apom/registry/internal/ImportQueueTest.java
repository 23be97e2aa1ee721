package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apom.registry.api.ImportActivity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportQueueTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ImportQueue queue = new ImportQueue(executor);

    @AfterEach
    void tearDown() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void countsTheRunningImportAndTheOnesWaitingBehindIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable blocked = () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        assertEquals(new ImportActivity(0, 0), queue.activity());
        queue.submit(blocked);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        queue.submit(() -> { });
        queue.submit(() -> { });
        assertEquals(new ImportActivity(1, 2), queue.activity());
        release.countDown();
        awaitIdle();
        assertEquals(new ImportActivity(0, 0), queue.activity());
    }

    @Test
    void aFailedImportIsNoLongerRunning() throws Exception {
        queue.submit(() -> {
            throw new IllegalStateException("broken file");
        });
        awaitIdle();
        assertEquals(new ImportActivity(0, 0), queue.activity());
    }

    @Test
    void importsDroppedAtShutdownAreNoLongerQueued() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        queue.submit(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        queue.submit(() -> { });
        queue.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(new ImportActivity(0, 0), queue.activity());
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!queue.activity().equals(new ImportActivity(0, 0)) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
