package org.apom.security.internal.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords counted per (account, client address), whether the account exists or not, so that a lockout
 * tells nothing about who has an account, and a stranger's failures lock out only the stranger's address, never
 * the person logging in from elsewhere (nor the central admin on the host's shell, whose address is
 * {@link org.apom.security.api.UserDirectory#LOCAL}). Each lock of the same pair lasts twice the one before,
 * from one minute up to the configured lock time. Kept in this node's memory: each node counts its own.
 */
final class LoginThrottle {

    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 100_000;

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration maxLock;
    private final Clock clock;

    private record Key(String username, String address) {
    }

    private static final class Entry {
        int failures;
        int locks;
        Instant lockedUntil = Instant.MIN;
        Instant last = Instant.MIN;
    }

    LoginThrottle(int maxFailures, Duration maxLock, Clock clock) {
        this.maxFailures = Math.max(1, maxFailures);
        this.maxLock = maxLock.compareTo(FIRST_LOCK) < 0 ? FIRST_LOCK : maxLock;
        this.clock = clock;
    }

    /** @return when the pair's lock ends, or {@code null} when it is not locked now */
    Instant lockedUntil(String username, String address) {
        Entry entry = entries.get(new Key(username, address));
        if (entry == null) {
            return null;
        }
        synchronized (entry) {
            return entry.lockedUntil.isAfter(clock.instant()) ? entry.lockedUntil : null;
        }
    }

    /** Counts a wrong password; @return when the lock it started ends, or {@code null} when it started none */
    Instant failed(String username, String address) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            sweep(now);
        }
        Entry entry = entries.computeIfAbsent(new Key(username, address), k -> new Entry());
        synchronized (entry) {
            if (entry.lockedUntil.isAfter(now)) {
                return entry.lockedUntil;
            }
            if (entry.last.plus(maxLock.multipliedBy(2)).isBefore(now)) {
                // quiet for long enough: the back-off starts again
                entry.failures = 0;
                entry.locks = 0;
            }
            entry.last = now;
            if (++entry.failures < maxFailures) {
                return null;
            }
            entry.failures = 0;
            Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(entry.locks, 20));
            entry.locks++;
            entry.lockedUntil = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
            return entry.lockedUntil;
        }
    }

    void succeeded(String username, String address) {
        entries.remove(new Key(username, address));
    }

    /** An administrator lifted the account's locks, from every address. */
    void forget(String username) {
        entries.keySet().removeIf(k -> k.username().equals(username));
    }

    private void sweep(Instant now) {
        entries.values().removeIf(e -> !e.lockedUntil.isAfter(now) && e.last.plus(maxLock.multipliedBy(2)).isBefore(now));
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.lockedUntil.isAfter(now));
        }
    }
}
