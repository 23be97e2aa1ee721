package org.apom.security.internal.tokens;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import javax.persistence.TypedQuery;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.CreatedToken;
import org.apom.security.api.NewToken;
import org.apom.security.api.Reach;
import org.apom.security.api.TokenService;
import org.apom.security.api.TokenView;
import org.apom.security.api.UserDirectory;
import org.apom.security.internal.ProvinceField;
import org.apom.security.internal.audit.PendingAudit;
import org.apom.security.internal.jpa.TokenEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tokens in SECURITY_TOKEN. Expiry dates are days in Thailand (Asia/Bangkok). */
@Component(service = TokenService.class)
public final class JpaTokenService implements TokenService {

    /** A token's caller is named {@code token:<id>}, never by its (free, not unique) name. */
    public static final String TOKEN_CALLER_PREFIX = "token:";

    static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
    static final int MAX_YEARS = 2;

    private final JpaTemplate jpa;
    private final PendingAudit audit;
    private final Predicate<ProvinceCode> provinceExists;
    private final Clock clock;

    @Activate
    public JpaTokenService(@Reference(target = "(osgi.unit.name=apom-security)") JpaTemplate jpa,
            @Reference AreaDirectory areas, @Reference TransactionManager transactions,
            @Reference PendingAudit audit,
            // the schema is migrated by the user directory, which owns the changelog
            @Reference UserDirectory schemaReady) {
        this(jpa, audit, p -> areas.province(p).isPresent(), Clock.system(THAILAND));
    }

    JpaTokenService(JpaTemplate jpa, PendingAudit audit, Predicate<ProvinceCode> provinceExists, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.provinceExists = provinceExists;
        this.clock = clock;
    }

    @Override
    public Caller authenticate(String secret) {
        if (!TokenSecrets.wellFormed(secret)) {
            throw unauthorized("invalid-token", "The token is not one this platform gave out.",
                    "โทเคนนี้ไม่ได้ออกโดยระบบนี้");
        }
        String hash = TokenSecrets.hash(secret);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Object result = jpa.txExpr(TransactionType.Required, em -> {
            List<TokenEntity> found = em.createQuery("SELECT t FROM TokenEntity t WHERE t.secretHash = :h",
                    TokenEntity.class).setParameter("h", hash).getResultList();
            if (found.isEmpty()) {
                return "invalid-token";
            }
            TokenEntity token = found.get(0);
            if (token.revoked()) {
                return "token-revoked";
            }
            if (token.expiredOn(today)) {
                return "token-expired";
            }
            token.used(now);
            // names are not unique: the id is who calls, for rate limits and the audit trail alike
            return Caller.token(TOKEN_CALLER_PREFIX + token.id(), token.scopes(), token.province());
        });
        if (result instanceof Caller caller) {
            return caller;
        }
        throw switch ((String) result) {
            case "token-revoked" -> unauthorized("token-revoked", "This token has been revoked.", "โทเคนนี้ถูกเพิกถอนแล้ว");
            case "token-expired" -> unauthorized("token-expired", "This token has expired.", "โทเคนนี้หมดอายุแล้ว");
            default -> unauthorized("invalid-token", "The token is not one this platform gave out.",
                    "โทเคนนี้ไม่ได้ออกโดยระบบนี้");
        };
    }

    @Override
    public CreatedToken create(Caller caller, NewToken request) {
        Reach reach = AccessPolicy.requireAny(caller, Action.TOKENS_MANAGE);
        List<FieldError> errors = new java.util.ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(error("name", "length", "A token needs a name of 1 to 100 characters (who uses it, for what).",
                    "โทเคนต้องมีชื่อยาว 1 ถึง 100 ตัวอักษร"));
        }
        Set<String> scopes = scopes(request.scopes(), errors);
        ProvinceCode province = province(request.province(), errors);
        if (province != null) {
            nationalOnly(scopes, errors);
        }
        LocalDate expiresOn = expiry(request.expiresOn(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (reach == Reach.OWN && (province == null || !province.equals(caller.province()))) {
            throw new ProblemException(403, "forbidden", LocalizedText.of(
                    "A province admin creates tokens only for their own province.",
                    "ผู้ดูแลระดับจังหวัดสร้างโทเคนได้เฉพาะสำหรับจังหวัดของตนเท่านั้น"), List.of());
        }
        String secret = TokenSecrets.generate();
        TokenEntity token = new TokenEntity(UUID.randomUUID().toString(), name, TokenSecrets.hash(secret), scopes,
                province, expiresOn, caller.name(), clock.instant());
        jpa.tx(TransactionType.Required, em -> {
            em.persist(token);
            audit.record(em, clock, caller, "token.create", "token", token.id(), province, null,
                    state(token.toView()));
        });
        return new CreatedToken(token.toView(), secret);
    }

    @Override
    public Page<TokenView> list(Caller caller, PageRequest page) {
        Reach reach = AccessPolicy.requireAny(caller, Action.TOKENS_MANAGE);
        return jpa.txExpr(TransactionType.Supports, em -> {
            String jpql = "SELECT t FROM TokenEntity t" + (reach == Reach.OWN ? " WHERE t.province = :p" : "")
                    + " ORDER BY t.createdAt DESC, t.id DESC";
            TypedQuery<TokenEntity> query = em.createQuery(jpql, TokenEntity.class);
            if (reach == Reach.OWN) {
                query.setParameter("p", caller.province().value());
            }
            // tokens are few (tens per province); the cursor is the position in this order
            int offset = page.after() == null ? 0 : parseOffset(page.after());
            List<TokenEntity> found = query.setFirstResult(offset).setMaxResults(page.limit() + 1).getResultList();
            List<TokenView> items = found.stream().limit(page.limit()).map(TokenEntity::toView).toList();
            return new Page<>(items, found.size() > page.limit() ? PageRequest.encode(
                    Integer.toString(offset + page.limit())) : null);
        });
    }

    @Override
    public TokenView revoke(Caller caller, String id) {
        AccessPolicy.requireAny(caller, Action.TOKENS_MANAGE);
        return jpa.txExpr(TransactionType.Required, em -> {
            TokenEntity token = id == null ? null : em.find(TokenEntity.class, id);
            if (token == null) {
                throw ProblemException.notFound("not-found", LocalizedText.of("There is no such token.",
                        "ไม่พบโทเคนที่ระบุ"));
            }
            AccessPolicy.require(caller, Action.TOKENS_MANAGE, token.province());
            if (caller.province() != null && token.province() == null) {
                throw ProblemException.notFound("not-found", LocalizedText.of("There is no such token.",
                        "ไม่พบโทเคนที่ระบุ"));
            }
            if (!token.revoked()) {
                Map<String, Object> before = state(token.toView());
                token.revoke(clock.instant());
                audit.record(em, clock, caller, "token.revoke", "token", token.id(), token.province(), before,
                        state(token.toView()));
            }
            return token.toView();
        });
    }

    /** What the audit trail keeps of a token: never the secret or its hash. */
    private static Map<String, Object> state(TokenView t) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", t.id());
        state.put("name", t.name());
        state.put("scopes", t.scopes().stream().sorted().toList());
        state.put("province", t.province() == null ? null : t.province().value());
        state.put("expiresOn", t.expiresOn().toString());
        state.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        return state;
    }

    private static Set<String> scopes(List<String> requested, List<FieldError> errors) {
        Set<String> allowed = AccessPolicy.integratorScopes();
        if (requested.isEmpty()) {
            errors.add(error("scopes", "required", "A token needs at least one scope: " + allowed + ".",
                    "โทเคนต้องมีขอบเขตอย่างน้อยหนึ่งรายการ: " + allowed));
        }
        for (String scope : requested) {
            if (!allowed.contains(scope)) {
                errors.add(error("scopes", "unknown-scope", "Unknown scope '" + scope + "'; scopes are " + allowed + ".",
                        "ไม่รู้จักขอบเขต '" + scope + "' ขอบเขตที่มีคือ " + allowed));
            }
        }
        return new LinkedHashSet<>(requested);
    }

    /** A province's token cannot carry the scope of an action on the whole platform (metrics:read). */
    private static void nationalOnly(Set<String> scopes, List<FieldError> errors) {
        for (String scope : scopes) {
            if (AccessPolicy.nationalScopes().contains(scope)) {
                errors.add(error("scopes", "national-scope", "The scope '" + scope
                        + "' is about the whole platform: only a token without a province may carry it.",
                        "ขอบเขต '" + scope + "' ครอบคลุมทั้งระบบ ใช้ได้เฉพาะโทเคนที่ไม่ระบุจังหวัด"));
            }
        }
    }

    private ProvinceCode province(String code, List<FieldError> errors) {
        return code == null ? null : ProvinceField.parse(code, provinceExists, errors);
    }

    private LocalDate expiry(String text, List<FieldError> errors) {
        LocalDate today = LocalDate.now(clock);
        try {
            LocalDate date = LocalDate.parse(text == null ? "" : text.strip());
            if (!date.isAfter(today) || date.isAfter(today.plusYears(MAX_YEARS))) {
                errors.add(error("expiresOn", "range", "A token expires after today and within " + MAX_YEARS
                        + " years (" + today.plusYears(MAX_YEARS) + ").", "วันหมดอายุต้องอยู่หลังวันนี้และไม่เกิน "
                        + MAX_YEARS + " ปี (" + today.plusYears(MAX_YEARS) + ")"));
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(error("expiresOn", "format", "expiresOn is a date such as " + today.plusMonths(6) + ".",
                    "expiresOn ต้องเป็นวันที่ เช่น " + today.plusMonths(6)));
            return null;
        }
    }

    private static int parseOffset(String position) {
        try {
            return Math.max(0, Integer.parseInt(position));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("cursor", LocalizedText.of("The cursor is not one this server gave out.",
                    "cursor ไม่ถูกต้อง"));
        }
    }

    private static FieldError error(String field, String code, String en, String th) {
        return new FieldError(field, code, LocalizedText.of(en, th));
    }

    private static ProblemException unauthorized(String code, String en, String th) {
        return new ProblemException(401, code, LocalizedText.of(en, th), List.of());
    }
}
