package org.apom.security.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apom.core.api.problem.ProblemException;
import org.apom.security.internal.MutableClock;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000_000));

    private LoginGuard guard(int failedPerMinute, int checks, long waitMillis) {
        return new LoginGuard(failedPerMinute, checks, waitMillis, new TransportPolicy(false, Set.of()), clock);
    }

    @Test
    void anAddressThatFailedTooOftenWaitsBeforeAnyPasswordIsChecked() {
        LoginGuard guard = guard(3, 1, 0);
        for (int i = 0; i < 3; i++) {
            guard.requireMayTry("203.0.113.5");
            guard.failed("203.0.113.5");
        }
        ProblemException limited = assertThrows(ProblemException.class, () -> guard.requireMayTry("203.0.113.5"));
        assertEquals(429, limited.status());
        assertEquals("rate-limited", limited.code());
        assertEquals(20L, limited.retryAfterSeconds(), "one failure back every 20 s at 3 a minute");
        guard.requireMayTry("198.51.100.7");
        clock.advance(Duration.ofSeconds(20));
        guard.requireMayTry("203.0.113.5");
    }

    @Test
    void successfulLoginsCostNothing() {
        LoginGuard guard = guard(3, 1, 0);
        for (int i = 0; i < 1_000; i++) {
            guard.requireMayTry("127.0.0.1");
            guard.checkPassword(() -> "ok");
        }
    }

    @Test
    void aLoginFindingEveryCheckBusyGets503WithRetryAfter() throws Exception {
        LoginGuard guard = guard(30, 1, 50);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> slow = pool.submit(() -> guard.checkPassword(() -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow";
            }));
            inside.await();
            ProblemException busy = assertThrows(ProblemException.class, () -> guard.checkPassword(() -> "fast"));
            assertEquals(503, busy.status());
            assertEquals("busy", busy.code());
            assertEquals(1L, busy.retryAfterSeconds());
            release.countDown();
            assertEquals("slow", slow.get());
            assertEquals("fast", guard.checkPassword(() -> "fast"), "the slot is free again");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLoginQueuesBrieflyForACheck() throws Exception {
        LoginGuard guard = guard(30, 1, 5_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<Integer>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(pool.submit(() -> guard.checkPassword(() -> {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 1;
                })));
            }
            int done = 0;
            for (Future<Integer> f : all) {
                done += f.get();
            }
            assertEquals(16, done, "sixteen logins through one slot all wait their turn");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAddressHasOnlySoManyChecksAtOnce() throws Exception {
        LoginGuard guard = new LoginGuard(30, 4, 2, 32, 5_000, new TransportPolicy(false, Set.of()), clock);
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> running = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(pool.submit(() -> guard.checkPassword("203.0.113.5", () -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "wrong";
                })));
            }
            assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS));
            // a third try from that address at once is refused before it waits for a slot; another address is not
            ProblemException third = assertThrows(ProblemException.class,
                    () -> guard.checkPassword("203.0.113.5", () -> "never"));
            assertEquals(429, third.status());
            assertEquals("ok", guard.checkPassword("198.51.100.7", () -> "ok"));
            release.countDown();
            for (Future<String> f : running) {
                assertEquals("wrong", f.get());
            }
            assertEquals("ok", guard.checkPassword("203.0.113.5", () -> "ok"), "its checks ended: it may try again");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void beyondTheWaitingCapALoginIsRefusedAtOnce() throws Exception {
        LoginGuard guard = new LoginGuard(30, 1, 8, 1, 10_000, new TransportPolicy(false, Set.of()), clock);
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> running = pool.submit(() -> guard.checkPassword("203.0.113.5", () -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS));
            Future<String> waiter = pool.submit(() -> guard.checkPassword("198.51.100.7", () -> "second"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (guard.waiting() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, guard.waiting(), "the second login waits for the slot");
            long start = System.nanoTime();
            ProblemException third = assertThrows(ProblemException.class,
                    () -> guard.checkPassword("192.0.2.9", () -> "third"));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused without waiting its 10 s");
            assertEquals(503, third.status());
            release.countDown();
            assertEquals("first", running.get());
            assertEquals("second", waiter.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trustedProxiesFromACfgFileAreOneCommaSeparatedString() {
        assertEquals(java.util.Set.of("10.0.0.1", "10.0.0.2", "::1"),
                LoginGuard.addresses(new String[] {"10.0.0.1, 10.0.0.2", " ::1 ", ""}));
    }
}
