package org.apom.security.internal.rest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Remembers recently verified Basic credentials for a short while, so that a client sending the same
 * username and password with every request does not pay an Argon2 check each time. Entries are keyed by an
 * HMAC under a key that lives only in this process; failures are never remembered. One instance serves every
 * authentication filter (they are prototypes, one per application and more): a cache per filter missed so often
 * that Argon2 took a third of the CPU under load.
 */
@Component(service = CredentialCache.class)
public final class CredentialCache {

    /** How long verified credentials are remembered; a changed password or lock takes effect within it. */
    static final Duration REMEMBER = Duration.ofSeconds(30);

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    private record Entry(Caller caller, Instant expires) {
    }

    @Activate
    public CredentialCache() {
        this(REMEMBER, Clock.systemUTC());
    }

    CredentialCache(Duration ttl, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @return the caller these credentials were verified as a moment ago, or {@code null} */
    Caller cached(String username, char[] password) {
        Entry hit = entries.get(fingerprint(username, password));
        return hit != null && hit.expires().isAfter(clock.instant()) ? hit.caller() : null;
    }

    Caller verify(String username, char[] password, Supplier<Caller> check) {
        String id = fingerprint(username, password);
        Instant now = clock.instant();
        Entry hit = entries.get(id);
        if (hit != null && hit.expires().isAfter(now)) {
            return hit.caller();
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expires().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        // the callers that missed together wait for one check instead of each paying for their own
        return entries.compute(id, (k, old) -> old != null && old.expires().isAfter(now) ? old
                : new Entry(check.get(), now.plus(ttl))).caller();
    }

    private String fingerprint(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
