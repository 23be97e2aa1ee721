package org.apom.security.internal.sessions;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.Caller;
import org.apom.security.api.ClientTransport;
import org.apom.security.api.UserDirectory;
import org.apom.security.api.WorkspaceSession;
import org.apom.security.api.WorkspaceSessions;
import org.apom.security.internal.jpa.UserEntity;
import org.apom.security.internal.jpa.WebSessionEntity;
import org.apom.security.internal.rest.AddressBlock;
import org.apom.security.internal.rest.LoginGuard;
import org.apom.security.internal.rest.TransportPolicy;
import org.apom.security.internal.tokens.TokenSecrets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Workspace sessions in SECURITY_WEB_SESSION. The password goes through the same {@link LoginGuard} as the API's
 * Basic logins, so the web form is no way around the API's lockout and rate limits.
 */
@Component(service = WorkspaceSessions.class, configurationPid = "org.apom.security.sessions")
@Designate(ocd = SessionsConfig.class)
public final class JpaWorkspaceSessions implements WorkspaceSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JpaTemplate jpa;
    private final UserDirectory users;
    private final LoginGuard guard;
    private final Duration idle;
    private final Duration longest;
    private final Clock clock;

    @Activate
    public JpaWorkspaceSessions(@Reference(target = "(osgi.unit.name=apom-security)") JpaTemplate jpa,
            // the user directory also migrates the schema this reads
            @Reference UserDirectory users, @Reference LoginGuard guard, SessionsConfig config) {
        this(jpa, users, guard, Duration.ofMinutes(Math.max(1, config.idleMinutes())),
                Duration.ofHours(Math.max(1, config.longestHours())), Clock.systemUTC());
    }

    JpaWorkspaceSessions(JpaTemplate jpa, UserDirectory users, LoginGuard guard, Duration idle, Duration longest,
            Clock clock) {
        this.jpa = jpa;
        this.users = users;
        this.guard = guard;
        this.idle = idle;
        this.longest = longest;
        this.clock = clock;
    }

    @Override
    public WorkspaceSession signIn(String username, char[] password, ClientTransport from) {
        TransportPolicy transport = guard.transport();
        String client = AddressBlock.of(transport.client(from.peer(), from.forwardedFor()));
        if (!transport.basicAllowed(from.peer(), from.scheme(), from.forwardedProto())) {
            throw new ProblemException(403, "https-required", LocalizedText.of(
                    "A password is accepted only over HTTPS: open the workspace with https://.",
                    "ระบบรับรหัสผ่านผ่าน HTTPS เท่านั้น กรุณาเปิดด้วย https://"), List.of());
        }
        guard.requireMayTry(client);
        // the password as it stands before the (slow) check: a change that commits during the check must not leave
        // behind a session opened with the old one (the change ends only the sessions it can see)
        String hashBefore = jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity user = em.find(UserEntity.class, username);
            return user == null ? null : user.passwordHash();
        });
        Caller caller;
        try {
            caller = guard.checkPassword(client, () -> users.authenticate(username, password, client));
        } catch (ProblemException e) {
            if (e.status() == 401) {
                guard.failed(client);
            }
            throw e;
        }
        boolean secure = transport.secure(from.peer(), from.scheme(), from.forwardedProto());
        String id = secret();
        String csrf = secret();
        Instant now = clock.instant();
        jpa.tx(TransactionType.Required, em -> {
            // ended sessions go when someone signs in: no job of its own, and the table stays small
            em.createQuery("DELETE FROM WebSessionEntity s WHERE s.lastSeenAt < :idle OR s.createdAt < :longest")
                    .setParameter("idle", Timestamp.from(now.minus(idle)))
                    .setParameter("longest", Timestamp.from(now.minus(longest))).executeUpdate();
            // locked, so a password change either commits first (and is seen here) or waits and ends this session
            UserEntity user = em.find(UserEntity.class, caller.name(), LockModeType.PESSIMISTIC_WRITE);
            if (user == null || !Objects.equals(user.passwordHash(), hashBefore)) {
                throw new ProblemException(401, "invalid-credentials", LocalizedText.of(
                        "The password changed while it was being checked; sign in with the new one.",
                        "รหัสผ่านเพิ่งถูกเปลี่ยน กรุณาเข้าระบบด้วยรหัสผ่านใหม่"), List.of());
            }
            em.persist(new WebSessionEntity(hash(id), caller.name(), csrf, secure, now));
        });
        return new WorkspaceSession(id, caller, csrf, secure);
    }

    @Override
    public Optional<WorkspaceSession> resume(String sessionId) {
        if (sessionId == null || !WELL_FORMED.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        String key = hash(sessionId);
        Instant now = clock.instant();
        // bulk statements, not a read entity's update or removal: two pages of one session at once, a sign-out
        // meanwhile or a sign-in's sweep would otherwise make the loser's flush find no row (a 500, not a sign-in)
        Optional<WorkspaceSession> found = jpa.txExpr(TransactionType.Required, em -> {
            WebSessionEntity session = em.find(WebSessionEntity.class, key);
            if (session == null) {
                return Optional.<WorkspaceSession>empty();
            }
            UserEntity user = em.find(UserEntity.class, session.username());
            if (user == null || !user.enabled() || session.endedAt(now, idle, longest)) {
                return Optional.<WorkspaceSession>empty();
            }
            em.createQuery("UPDATE WebSessionEntity s SET s.lastSeenAt = :now WHERE s.idHash = :key"
                    + " AND s.lastSeenAt < :stale").setParameter("now", Timestamp.from(now)).setParameter("key", key)
                    .setParameter("stale", Timestamp.from(now.minus(WebSessionEntity.SEEN_PRECISION))).executeUpdate();
            // the roles and province as they are now: an administrator's change applies at the next page
            Caller caller = Caller.person(user.username(), user.roles(), user.province());
            return Optional.of(new WorkspaceSession(sessionId, caller, session.csrfToken(), session.secure()));
        });
        if (found.isEmpty()) {
            signOut(sessionId);
        }
        return found;
    }

    @Override
    public boolean secure(ClientTransport from) {
        return guard.transport().secure(from.peer(), from.scheme(), from.forwardedProto());
    }

    @Override
    public void signOut(String sessionId) {
        if (sessionId == null || !WELL_FORMED.matcher(sessionId).matches()) {
            return;
        }
        String key = hash(sessionId);
        jpa.tx(TransactionType.Required, em -> em.createQuery("DELETE FROM WebSessionEntity s WHERE s.idHash = :key")
                .setParameter("key", key).executeUpdate());
    }

    /** 256 random bits, URL-safe: 43 characters. */
    static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 the table keeps, the same digest as an API token's. */
    static String hash(String id) {
        return TokenSecrets.hash(id);
    }
}
