package org.apom.security.internal.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per identity: {@code perMinute} requests a minute on average, up to a minute's worth at
 * once. Idle buckets are dropped, so memory follows the number of active callers.
 */
final class RateLimiter {

    private static final Duration IDLE = Duration.ofMinutes(10);
    private static final int SWEEP_EVERY = 1_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perMilli;
    private final double capacity;
    private final Clock clock;
    private int calls;

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    RateLimiter(int perMinute, Clock clock) {
        this.perMilli = perMinute / 60_000.0;
        this.capacity = perMinute;
        this.clock = clock;
    }

    /** @return 0 when the request may go ahead, else the whole seconds to wait before the next one may */
    long acquire(String identity) {
        Bucket bucket = refilled(identity);
        synchronized (bucket) {
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return secondsToOne(bucket);
        }
    }

    /** Like {@link #acquire} but takes nothing: for limits that only what fails pays for. */
    long peek(String identity) {
        Bucket bucket = refilled(identity);
        synchronized (bucket) {
            return bucket.tokens >= 1 ? 0 : secondsToOne(bucket);
        }
    }

    /** Takes one from the identity's bucket, whether or not it has one left. */
    void spend(String identity) {
        Bucket bucket = refilled(identity);
        synchronized (bucket) {
            bucket.tokens = Math.max(0, bucket.tokens - 1);
        }
    }

    private Bucket refilled(String identity) {
        long now = clock.millis();
        if (++calls % SWEEP_EVERY == 0) {
            buckets.values().removeIf(b -> now - b.updated > IDLE.toMillis());
        }
        Bucket bucket = buckets.computeIfAbsent(identity, id -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * perMilli);
            bucket.updated = now;
        }
        return bucket;
    }

    private long secondsToOne(Bucket bucket) {
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000.0));
    }
}
