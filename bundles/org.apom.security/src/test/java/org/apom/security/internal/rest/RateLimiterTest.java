package org.apom.security.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private long now = 1_000_000;
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }

        @Override
        public long millis() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @Test
    void aMinutesWorthAtOnceThenWaitForTheNextToken() {
        RateLimiter limiter = new RateLimiter(60, clock);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, limiter.acquire("somchai"));
        }
        long wait = limiter.acquire("somchai");
        assertTrue(wait >= 1 && wait <= 1, "one token a second: " + wait);
        now += 1_000;
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
