package org.apom.security.internal.rest;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * What stands before a password is checked: each client address may fail only so many logins a minute (then 429
 * until its budget refills, successful logins cost nothing), and only so many Argon2 checks (19 MiB each) run at
 * once on the node; a login that finds none free within a short wait, or finds too many waiting already, gets
 * 503 {@code busy}. One instance serves
 * every authentication filter. Its configuration is the request limits' ({@link RequestLimitsFilter} designates it).
 */
@Component(service = LoginGuard.class, configurationPid = "org.apom.security.limits")
public final class LoginGuard {

    private static final long BUSY_RETRY_SECONDS = 1;

    private final RateLimiter failures;
    private final Semaphore checks;
    private final long waitMillis;
    private final TransportPolicy transport;
    private final int perAddress;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    @Activate
    public LoginGuard(LimitsConfig config) {
        this(config.failedLoginsPerMinute(), config.maxConcurrentPasswordChecks(), config.maxPasswordChecksPerAddress(),
                config.maxWaitingPasswordChecks(), config.passwordCheckWaitMillis(),
                new TransportPolicy(config.allowBasicOverHttp(), addresses(config.trustedProxies())), Clock.systemUTC());
    }

    public LoginGuard(int failedLoginsPerMinute, int concurrentChecks, long waitMillis, TransportPolicy transport,
            Clock clock) {
        this(failedLoginsPerMinute, concurrentChecks, Integer.MAX_VALUE, Integer.MAX_VALUE, waitMillis, transport,
                clock);
    }

    LoginGuard(int failedLoginsPerMinute, int concurrentChecks, int checksPerAddress, int maxWaiting,
            long waitMillis, TransportPolicy transport, Clock clock) {
        this.perAddress = Math.max(1, checksPerAddress);
        this.maxWaiting = Math.max(0, maxWaiting);
        this.failures = new RateLimiter(Math.max(1, failedLoginsPerMinute), clock);
        this.checks = new Semaphore(Math.max(1, concurrentChecks), true);
        this.waitMillis = Math.max(0, waitMillis);
        this.transport = transport;
    }

    public TransportPolicy transport() {
        return transport;
    }

    /** @throws ProblemException 429 {@code rate-limited} when the address has failed too many logins lately */
    public void requireMayTry(String client) {
        long wait = failures.peek("login:" + client);
        if (wait > 0) {
            throw new ProblemException(429, "rate-limited", LocalizedText.of(
                    "Too many failed logins from your address; try again in " + wait + " s.",
                    "เข้าสู่ระบบไม่สำเร็จจากที่อยู่ของคุณหลายครั้งเกินไป กรุณาลองใหม่ในอีก " + wait + " วินาที"),
                    List.of(), wait);
        }
    }

    public void failed(String client) {
        failures.spend("login:" + client);
    }

    /**
     * Runs a password check for a client address, which may have only so many running or waiting at once: the
     * failed-login budget is spent after each check, so wrong passwords sent together would otherwise all pass
     * it, each holding a thread while it waits for a slot.
     *
     * @throws ProblemException 429 {@code rate-limited} beyond that many; 503 {@code busy} as below
     */
    public <T> T checkPassword(String client, Supplier<T> check) {
        if (inFlight.merge(client, 1, Integer::sum) > perAddress) {
            release(client);
            throw new ProblemException(429, "rate-limited", LocalizedText.of(
                    "Too many logins from your address at once; try again in a moment.",
                    "มีการเข้าสู่ระบบจากที่อยู่ของคุณพร้อมกันมากเกินไป กรุณาลองใหม่อีกครั้งในอีกสักครู่"),
                    List.of(), BUSY_RETRY_SECONDS);
        }
        try {
            return checkPassword(check);
        } finally {
            release(client);
        }
    }

    /** Logins waiting for a free check now. */
    int waiting() {
        return waiting.get();
    }

    /** A free check at once, or after a bounded wait when not too many wait already. */
    private boolean acquire() {
        if (checks.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return checks.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void release(String client) {
        inFlight.computeIfPresent(client, (address, n) -> n == 1 ? null : n - 1);
    }

    /**
     * Runs a password check when one of the node's few slots frees within the wait.
     *
     * @throws ProblemException 503 {@code busy} with Retry-After when none did
     */
    <T> T checkPassword(Supplier<T> check) {
        if (!acquire()) {
            throw new ProblemException(503, "busy", LocalizedText.of(
                    "Too many logins are being checked right now; try again in a moment.",
                    "ขณะนี้มีการตรวจสอบการเข้าสู่ระบบจำนวนมาก กรุณาลองใหม่อีกครั้งในอีกสักครู่"),
                    List.of(), BUSY_RETRY_SECONDS);
        }
        try {
            return check.get();
        } finally {
            checks.release();
        }
    }

    /**
     * The addresses, however given: a .cfg file hands a list over as one comma-separated string, a typed .config
     * file or the metatype console as an array.
     */
    static Set<String> addresses(String[] values) {
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
