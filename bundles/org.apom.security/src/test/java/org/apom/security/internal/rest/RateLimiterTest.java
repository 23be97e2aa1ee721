package org.apom.security.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.apom.security.internal.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000_000));

    @Test
    void aMinutesWorthAtOnceThenWaitForTheNextToken() {
        RateLimiter limiter = new RateLimiter(60, clock);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, limiter.acquire("somchai"));
        }
        long wait = limiter.acquire("somchai");
        assertTrue(wait >= 1 && wait <= 1, "one token a second: " + wait);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, limiter.acquire("somchai"));
    }

    @Test
    void callersHaveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter(2, clock);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(30, limiter.acquire("a"), "2 a minute: the next in 30 s");
        assertEquals(0, limiter.acquire("b"));
    }
}
