package org.apom.security.internal.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.api.SchemaMigrator;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.NewUser;
import org.apom.security.api.Reach;
import org.apom.security.api.Role;
import org.apom.security.api.UserChange;
import org.apom.security.api.UserDirectory;
import org.apom.security.api.UserView;
import org.apom.security.internal.audit.PendingAudit;
import org.apom.security.internal.jpa.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** Accounts in SECURITY_USER; the access rules are {@link AccessPolicy}'s, the field rules {@link UserRules}'. */
@Component(service = UserDirectory.class, immediate = true, configurationPid = "org.apom.security")
@Designate(ocd = SecurityConfig.class)
public final class JpaUserDirectory implements UserDirectory {

    public static final String CHANGELOG = "db/security/changelog.xml";

    private final JpaTemplate jpa;
    private final PendingAudit audit;
    private final PasswordHasher hasher = new PasswordHasher();
    private final LoginThrottle throttle;
    private final UserRules rules;
    private final SecurityConfig config;
    private final Clock clock;

    @Activate
    public JpaUserDirectory(@Reference(target = "(osgi.unit.name=apom-security)") JpaTemplate jpa,
            @Reference SchemaMigrator migrator, @Reference AreaDirectory areas,
            // OpenJPA looks the JTA manager up as a service per transaction (docs/stack.md trap 20)
            @Reference TransactionManager transactions, @Reference PendingAudit audit, SecurityConfig config) {
        this(jpa, new UserRules(p -> areas.province(p).isPresent()), audit, config, Clock.systemUTC());
        migrator.migrate(CHANGELOG, JpaUserDirectory.class.getClassLoader());
    }

    public JpaUserDirectory(JpaTemplate jpa, UserRules rules, PendingAudit audit, SecurityConfig config, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
        this.throttle = new LoginThrottle(config.maxFailedLogins(), Duration.ofMinutes(config.lockMinutes()), clock);
    }

    private enum Outcome { OK, WRONG, LOCKED, DISABLED }

    /** What a login attempt came to. */
    private record Attempt(Outcome outcome, Caller caller, Instant lockedUntil) {
    }

    /** What a login needs to know of an account, read in a short transaction and used outside it. */
    private record Account(String passwordHash, boolean enabled, boolean loginWorthRecording, Caller caller,
            ProvinceCode province) {
    }

    private static final Caller LOGIN = Caller.system("login");

    @Override
    public Caller authenticate(String username, char[] password, String clientAddress) {
        Instant now = clock.instant();
        String address = clientAddress == null ? LOCAL : clientAddress;
        Attempt attempt = attempt(username, password, address, now);
        switch (attempt.outcome()) {
            case OK:
                return attempt.caller();
            case LOCKED:
                long minutes = Math.max(1, Duration.between(now, attempt.lockedUntil()).toMinutes() + 1);
                throw unauthorized("account-locked", LocalizedText.of(
                        "Too many wrong passwords: this account is locked for " + minutes + " more minute(s).",
                        "ใส่รหัสผ่านผิดหลายครั้งเกินไป บัญชีถูกระงับชั่วคราวอีก " + minutes + " นาที"));
            case DISABLED:
                throw unauthorized("account-disabled", LocalizedText.of(
                        "This account is disabled; ask your administrator.", "บัญชีนี้ถูกปิดใช้งาน กรุณาติดต่อผู้ดูแลระบบ"));
            default:
                throw unauthorized("invalid-credentials", LocalizedText.of(
                        "The username or password is wrong.", "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"));
        }
    }

    private Attempt attempt(String username, char[] password, String address, Instant now) {
        // a locked (account, address) pair is refused before anything is read or hashed, whether the account
        // exists or not: the same answer at the same cost for both
        Instant locked = throttle.lockedUntil(username, address);
        if (locked != null) {
            return new Attempt(Outcome.LOCKED, null, locked);
        }
        // Argon2 runs outside any transaction: a pooled connection held through it would let a few bogus logins
        // lend out the whole pool
        Account account = jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity user = em.find(UserEntity.class, username);
            return user == null ? null : new Account(user.passwordHash(), user.enabled(),
                    user.loginWorthRecording(now), Caller.person(user.username(), user.roles(), user.province()),
                    user.province());
        });
        boolean matches;
        if (account == null) {
            hasher.matchDecoy(password);
            matches = false;
        } else {
            matches = hasher.matches(password, account.passwordHash());
        }
        if (!matches) {
            Instant until = throttle.failed(username, address);
            if (until == null) {
                return new Attempt(Outcome.WRONG, null, null);
            }
            if (account != null) {
                // shown to administrators as the account's "locked", and audited
                jpa.tx(TransactionType.Required, em -> {
                    LoginCounts.locked(em, username, until);
                    audit.record(em, clock, LOGIN, "user.lock", "user", username, account.province(), null,
                            Map.of("lockedUntil", until.toString(), "address", address));
                });
            }
            return new Attempt(Outcome.LOCKED, null, until);
        }
        throttle.succeeded(username, address);
        if (!account.enabled()) {
            return new Attempt(Outcome.DISABLED, null, null);
        }
        if (account.loginWorthRecording()) {
            jpa.tx(TransactionType.Required, em -> LoginCounts.succeeded(em, username, now));
        }
        return new Attempt(Outcome.OK, account.caller(), null);
    }

    @Override
    public UserView create(Caller caller, NewUser user) {
        Reach reach = AccessPolicy.requireAny(caller, Action.USERS_WRITE);
        List<FieldError> errors = UserRules.newErrors();
        rules.username(user.username(), errors);
        rules.password(user.password(), user.username(), errors);
        Set<Role> roles = rules.roles(user.roles(), errors);
        ProvinceCode province = rules.province(user.province(), roles, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requireMayGrant(caller, reach, roles, province);
        String hash = hasher.hash(user.password().toCharArray());
        return jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(UserEntity.class, user.username()) != null) {
                throw ProblemException.conflict("duplicate-username", LocalizedText.of(
                        "There is already a user named " + user.username() + ".",
                        "มีผู้ใช้ชื่อ " + user.username() + " อยู่แล้ว"));
            }
            UserEntity entity = new UserEntity(user.username(), hash, roles, province, clock.instant());
            em.persist(entity);
            em.flush();
            audit.record(em, clock, caller, "user.create", "user", entity.username(), province, null,
                    state(entity, false));
            return entity.toView(clock.instant());
        });
    }

    @Override
    public UserView get(Caller caller, String username) {
        AccessPolicy.requireAny(caller, Action.USERS_READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity user = find(em, username);
            AccessPolicy.require(caller, Action.USERS_READ, user.province());
            return user.toView(clock.instant());
        });
    }

    @Override
    public Page<UserView> list(Caller caller, PageRequest page) {
        Reach reach = AccessPolicy.requireAny(caller, Action.USERS_READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            String jpql = "SELECT u FROM UserEntity u WHERE u.username > :after"
                    + (reach == Reach.OWN ? " AND u.province = :province" : "") + " ORDER BY u.username";
            TypedQuery<UserEntity> query = em.createQuery(jpql, UserEntity.class)
                    .setParameter("after", page.after() == null ? "" : page.after())
                    .setMaxResults(page.limit() + 1);
            if (reach == Reach.OWN) {
                query.setParameter("province", caller.province().value());
            }
            List<UserEntity> found = query.getResultList();
            List<UserView> items = found.stream().limit(page.limit()).map(u -> u.toView(clock.instant())).toList();
            String next = found.size() > page.limit() ? PageRequest.encode(items.get(items.size() - 1).username()) : null;
            return new Page<>(items, next);
        });
    }

    @Override
    public UserView update(Caller caller, String username, UserChange change, long expectedVersion) {
        // everyone may change their own password, and nothing else about themselves
        boolean ownPassword = caller.kind() == Caller.Kind.PERSON && caller.name().equals(username)
                && change.roles() == null && change.province() == null && change.enabled() == null
                && change.locked() == null;
        Reach reach = ownPassword ? Reach.ALL : AccessPolicy.requireAny(caller, Action.USERS_WRITE);
        String hash = change.password() == null ? null : hashChecked(change.password(), username);
        return jpa.txExpr(TransactionType.Required, em -> {
            UserEntity user = find(em, username);
            if (!ownPassword) {
                AccessPolicy.require(caller, Action.USERS_WRITE, user.province());
                requireMayGrant(caller, reach, user.roles(), user.province());
            }
            if (expectedVersion >= 0 && user.version() != expectedVersion) {
                throw Preconditions.stale();
            }
            Map<String, Object> before = state(user, false);
            apply(caller, reach, user, change, hash);
            em.flush();
            if (hash != null) {
                // a new password ends the account's workspace sessions: one opened with the old password (perhaps
                // the very reason for the change) must not outlive it until idle
                em.createQuery("DELETE FROM WebSessionEntity s WHERE s.username = :u")
                        .setParameter("u", user.username()).executeUpdate();
            }
            audit.record(em, clock, caller, "user.update", "user", user.username(), user.province(), before,
                    state(user, hash != null));
            return user.toView(clock.instant());
        });
    }

    private void apply(Caller caller, Reach reach, UserEntity user, UserChange change, String hash) {
        if (change.roles() != null || change.province() != null) {
            List<FieldError> errors = UserRules.newErrors();
            Set<Role> roles = change.roles() == null ? user.roles() : rules.roles(change.roles(), errors);
            // new national roles drop the province; otherwise it stays unless the change names another
            boolean bound = roles.stream().anyMatch(Role::isProvinceBound);
            String provinceText = change.province() != null ? change.province()
                    : !bound || user.province() == null ? null : user.province().value();
            ProvinceCode province = rules.province(provinceText, roles, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            requireMayGrant(caller, reach, roles, province);
            user.setRoles(roles);
            user.setProvince(province);
        }
        if (hash != null) {
            user.setPasswordHash(hash);
        }
        if (change.enabled() != null) {
            user.setEnabled(change.enabled());
        }
        if (Boolean.FALSE.equals(change.locked())) {
            user.unlock();
            throttle.forget(user.username());
        }
    }

    /** What the audit trail keeps of an account: never the password or its hash. */
    private static Map<String, Object> state(UserEntity user, boolean passwordChanged) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", user.username());
        state.put("roles", user.roles().stream().map(Role::id).sorted().toList());
        state.put("province", user.province() == null ? null : user.province().value());
        state.put("enabled", user.enabled());
        if (passwordChanged) {
            state.put("passwordChanged", true);
        }
        return state;
    }

    private String hashChecked(String password, String username) {
        List<FieldError> errors = UserRules.newErrors();
        rules.password(password, username, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return hasher.hash(password.toCharArray());
    }

    /** A province admin grants only roles below their own, in their own province. */
    private static void requireMayGrant(Caller caller, Reach reach, Set<Role> roles, ProvinceCode province) {
        if (reach == Reach.ALL) {
            return;
        }
        boolean outranked = roles.stream().allMatch(r -> caller.roles().stream().anyMatch(mine -> mine.outranks(r)));
        if (!outranked || province == null || !province.equals(caller.province())) {
            throw new ProblemException(403, "role-not-grantable", LocalizedText.of(
                    "You may manage only accounts below your own role in your own province.",
                    "คุณจัดการได้เฉพาะบัญชีที่มีบทบาทต่ำกว่าคุณในจังหวัดของคุณ"), List.of());
        }
    }

    private static UserEntity find(EntityManager em, String username) {
        UserEntity user = username == null ? null : em.find(UserEntity.class, username);
        if (user == null) {
            throw ProblemException.notFound("not-found", LocalizedText.of(
                    "There is no such user.", "ไม่พบผู้ใช้ที่ระบุ"));
        }
        return user;
    }

    private static ProblemException unauthorized(String code, LocalizedText detail) {
        return new ProblemException(401, code, detail, List.of());
    }
}
