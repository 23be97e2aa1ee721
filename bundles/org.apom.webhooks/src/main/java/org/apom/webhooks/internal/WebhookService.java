package org.apom.webhooks.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

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
import org.apom.persistence.api.SchemaMigrator;
import org.apom.registry.api.ChangeFeed;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.apom.webhooks.internal.jpa.AttemptEntity;
import org.apom.webhooks.internal.jpa.DeliveryEntity;
import org.apom.webhooks.internal.jpa.WebhookEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Registering and keeping webhooks: who may (webhooks:manage, and reading the volunteers whose changes it is sent),
 * where to (the central admin's allow-list), which events, and the delivery log with redelivery. A webhook belongs to
 * its province: that province's admins (and tokens) see and change it, whoever made it. Every change is audited; the
 * secret is shown once and never written to the audit trail.
 */
@Component(service = WebhookService.class)
public final class WebhookService {

    static final String CHANGELOG = "db/webhooks/changelog.xml";
    static final int MAX_DESCRIPTION = 200;

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final ChangeFeed feed;
    private final Predicate<ProvinceCode> provinceExists;
    private final WebhookPolicy policy;
    private final Clock clock;

    @Activate
    public WebhookService(@Reference(target = "(osgi.unit.name=apom-webhooks)") JpaTemplate jpa,
            @Reference SchemaMigrator migrator, @Reference AuditTrail audit, @Reference ChangeFeed feed,
            @Reference AreaDirectory areas, @Reference WebhookPolicy policy) {
        this(jpa, audit, feed, p -> areas.province(p).isPresent(), policy, Clock.systemUTC());
        migrator.migrate(CHANGELOG, WebhookService.class.getClassLoader());
    }

    WebhookService(JpaTemplate jpa, AuditTrail audit, ChangeFeed feed, Predicate<ProvinceCode> provinceExists,
            WebhookPolicy policy, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.feed = feed;
        this.provinceExists = provinceExists;
        this.policy = policy;
        this.clock = clock;
    }

    /** A new webhook, sent every change after now (or after {@code after}); the answer holds its secret. */
    public WebhookInfo create(Caller caller, NewWebhook request) {
        Reach reach = AccessPolicy.requireAny(caller, Action.WEBHOOKS_MANAGE);
        List<FieldError> errors = new ArrayList<>();
        String url = url(request.url(), errors);
        List<String> types = types(request.types(), errors);
        String description = description(request.description(), errors);
        ProvinceCode province = province(request.province(), errors);
        Long after = after(request.after(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (province == null && reach == Reach.OWN) {
            province = caller.province();
        }
        if (!AccessPolicy.allows(caller, Action.WEBHOOKS_MANAGE, province)) {
            throw forbidden("A webhook of " + (province == null ? "every province" : "province " + province.value())
                    + " is beyond your reach: yours is " + caller.province().value() + ".",
                    "webhook ของ" + (province == null ? "ทุกจังหวัด" : "จังหวัด " + province.value())
                            + " อยู่นอกขอบเขตของคุณ (จังหวัด " + caller.province().value() + ")");
        }
        if (!AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, province)) {
            // a webhook tells what the change feed tells: who may not read it there may not be sent it
            throw forbidden("A webhook is sent the register's changes: that takes volunteers:read there too.",
                    "webhook ส่งการเปลี่ยนแปลงของทะเบียน จึงต้องมีสิทธิ์ volunteers:read ในจังหวัดนั้นด้วย");
        }
        long start = startOf(after);
        String secret = WebhookSignatures.newSecret();
        WebhookEntity webhook = new WebhookEntity("wh_" + UUID.randomUUID().toString().replace("-", ""), url,
                description, types, province == null ? null : province.value(), secret, caller.name(),
                clock.instant(), start);
        ProvinceCode scope = province;
        jpa.tx(TransactionType.Required, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(w) FROM WebhookEntity w WHERE " + (scope == null
                    ? "w.province IS NULL" : "w.province = :p"), Long.class);
            long existing = (scope == null ? count : count.setParameter("p", scope.value())).getSingleResult();
            if (existing >= policy.maxPerProvince()) {
                throw ProblemException.conflict("too-many-webhooks", LocalizedText.of("There are " + existing
                        + " webhooks of " + (scope == null ? "the whole country" : "province " + scope.value())
                        + " already, the most allowed: remove one first.", "มี webhook ของ" + (scope == null
                                ? "ทั้งประเทศ" : "จังหวัด " + scope.value()) + " ครบ " + existing
                        + " รายการซึ่งเป็นจำนวนสูงสุดแล้ว กรุณาลบออกก่อน"));
            }
            em.persist(webhook);
            audit.record(caller, "webhook.create", "webhook", webhook.id(), scope, null, state(webhook));
        });
        return WebhookInfo.of(webhook, secret);
    }

    /** The webhooks the caller may manage, newest first. */
    public Page<WebhookInfo> list(Caller caller, PageRequest page) {
        Reach reach = AccessPolicy.requireAny(caller, Action.WEBHOOKS_MANAGE);
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ);
        if (reach == Reach.OWN && caller.province() == null) {
            return new Page<>(List.of(), null);
        }
        int offset = (int) Math.min(page.position(), Integer.MAX_VALUE);
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<WebhookEntity> query = em.createQuery("SELECT w FROM WebhookEntity w"
                    + (reach == Reach.OWN ? " WHERE w.province = :p" : "") + " ORDER BY w.createdAt DESC, w.id DESC",
                    WebhookEntity.class);
            if (reach == Reach.OWN) {
                query.setParameter("p", caller.province().value());
            }
            // webhooks are few (a handful per integrator): the cursor is the position in this order
            List<WebhookEntity> found = query.setFirstResult(offset).setMaxResults(page.limit() + 1).getResultList();
            return new Page<>(found.stream().limit(page.limit()).map(w -> WebhookInfo.of(w, null)).toList(),
                    found.size() > page.limit() ? PageRequest.encode(Integer.toString(offset + page.limit())) : null);
        });
    }

    public WebhookInfo get(Caller caller, String id) {
        return jpa.txExpr(TransactionType.Supports, em -> WebhookInfo.of(find(em, caller, id), null));
    }

    public WebhookInfo change(Caller caller, String id, WebhookChange change) {
        List<FieldError> errors = new ArrayList<>();
        String url = change.url() == null ? null : url(change.url(), errors);
        List<String> types = change.types() == null ? null : types(change.types(), errors);
        String description = change.description() == null ? null : description(change.description(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            WebhookEntity w = find(em, caller, id);
            Map<String, Object> before = state(w);
            if (url != null) {
                w.url(url);
            }
            if (types != null) {
                w.eventTypes(types);
            }
            if (description != null) {
                w.description(description.isEmpty() ? null : description);
            }
            if (Boolean.TRUE.equals(change.enabled()) && !w.enabled()) {
                w.enable();
            } else if (Boolean.FALSE.equals(change.enabled()) && w.enabled()) {
                w.disable("disabled by " + caller.name());
            }
            Map<String, Object> after = state(w);
            if (!after.equals(before)) {
                audit.record(caller, "webhook.update", "webhook", w.id(), provinceOf(w), before, after);
            }
            return WebhookInfo.of(w, null);
        });
    }

    /** Removes a webhook and its delivery log; what it was remains in the audit trail. */
    public void delete(Caller caller, String id) {
        jpa.tx(TransactionType.Required, em -> {
            WebhookEntity w = find(em, caller, id);
            em.createQuery("DELETE FROM AttemptEntity a WHERE a.deliveryId IN "
                    + "(SELECT d.id FROM DeliveryEntity d WHERE d.webhookId = :w)").setParameter("w", w.id())
                    .executeUpdate();
            em.createQuery("DELETE FROM DeliveryEntity d WHERE d.webhookId = :w").setParameter("w", w.id())
                    .executeUpdate();
            // by its id, not its version: a delete is meant whatever changed meanwhile (a round of the queue, an
            // attempt's outcome), and a queue round that read it rolls back when it finds it gone
            if (em.createNativeQuery("DELETE FROM HOOK_WEBHOOK WHERE ID = ?").setParameter(1, w.id())
                    .executeUpdate() != 1) {
                throw notFound();
            }
            audit.record(caller, "webhook.delete", "webhook", w.id(), provinceOf(w), state(w), null);
        });
    }

    /** A webhook's messages, newest change first; {@code state} keeps those in one state only. */
    public Page<DeliveryInfo> deliveries(Caller caller, String id, String state, PageRequest page) {
        DeliveryEntity.State only = state == null || state.isBlank() ? null
                : ProblemException.parameter("state", state.strip(), s -> {
                    try {
                        return DeliveryEntity.State.valueOf(s);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidValueException("state", LocalizedText.of(
                                "state is PENDING, DELIVERED or FAILED.", "state ต้องเป็น PENDING, DELIVERED หรือ FAILED"));
                    }
                });
        long before = page.after() == null ? Long.MAX_VALUE : page.position();
        return jpa.txExpr(TransactionType.Supports, em -> {
            WebhookEntity w = find(em, caller, id);
            TypedQuery<DeliveryEntity> query = em.createQuery("SELECT d FROM DeliveryEntity d WHERE d.webhookId = :w"
                    + " AND d.feedPosition < :before" + (only == null ? "" : " AND d.state = :s")
                    + " ORDER BY d.feedPosition DESC", DeliveryEntity.class)
                    .setParameter("w", w.id()).setParameter("before", before);
            if (only != null) {
                query.setParameter("s", only.name());
            }
            List<DeliveryEntity> found = query.setMaxResults(page.limit() + 1).getResultList();
            List<DeliveryEntity> items = found.stream().limit(page.limit()).toList();
            return new Page<>(items.stream().map(d -> DeliveryInfo.of(d, null)).toList(),
                    found.size() > page.limit() ? PageRequest.encode(Long.toString(
                            items.get(items.size() - 1).feedPosition())) : null);
        });
    }

    /** One message with every attempt made to deliver it. */
    public DeliveryInfo delivery(Caller caller, String id, String deliveryId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            DeliveryEntity d = findDelivery(em, find(em, caller, id), deliveryId);
            return DeliveryInfo.of(d, attempts(em, d));
        });
    }

    /** Sends a message again, from the start of the retry schedule, with the same id and body. */
    public DeliveryInfo redeliver(Caller caller, String id, String deliveryId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            WebhookEntity w = find(em, caller, id);
            DeliveryEntity d = findDelivery(em, w, deliveryId);
            Map<String, Object> before = Map.of("state", d.state().name(), "attempts", d.attempts());
            d.redeliver(clock.instant());
            audit.record(caller, "webhook.redeliver", "webhook", w.id(), provinceOf(w), before,
                    Map.of("delivery", d.id(), "state", d.state().name()));
            return DeliveryInfo.of(d, attempts(em, d));
        });
    }

    private static List<DeliveryInfo.Attempt> attempts(EntityManager em, DeliveryEntity d) {
        return em.createQuery("SELECT a FROM AttemptEntity a WHERE a.deliveryId = :d ORDER BY a.attemptedAt",
                AttemptEntity.class).setParameter("d", d.id()).getResultList().stream()
                .map(a -> new DeliveryInfo.Attempt(a.attemptedAt(), a.status(), a.error(), a.millis())).toList();
    }

    /** A webhook the caller may manage; one of another province is answered as not found, like every record. */
    private static WebhookEntity find(EntityManager em, Caller caller, String id) {
        AccessPolicy.requireAny(caller, Action.WEBHOOKS_MANAGE);
        WebhookEntity w = id == null ? null : em.find(WebhookEntity.class, id);
        if (w == null) {
            throw notFound();
        }
        AccessPolicy.require(caller, Action.WEBHOOKS_MANAGE, provinceOf(w));
        if (!AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, provinceOf(w))) {
            // its log holds the feed, and its URL decides who is sent it: as for creating it, who may not read the
            // volunteers there may not take it over
            throw notFound();
        }
        return w;
    }

    private static DeliveryEntity findDelivery(EntityManager em, WebhookEntity w, String deliveryId) {
        DeliveryEntity d = deliveryId == null ? null : em.find(DeliveryEntity.class, deliveryId);
        if (d == null || !d.webhookId().equals(w.id())) {
            throw ProblemException.notFound("not-found", LocalizedText.of("This webhook has no such delivery.",
                    "ไม่พบการส่งนี้ของ webhook"));
        }
        return d;
    }

    private long startOf(Long after) {
        long end = feed.end();
        if (after == null) {
            return end;
        }
        if (after > end) {
            throw ProblemException.invalid(List.of(new FieldError("after", "cursor", LocalizedText.of(
                    "This cursor lies beyond the end of the change feed: it is not one this server gave out.",
                    "cursor นี้อยู่เลยท้ายฟีดการเปลี่ยนแปลง ระบบนี้ไม่ได้ออกให้"))));
        }
        return after;
    }

    private String url(String url, List<FieldError> errors) {
        try {
            return policy.check(url).toString();
        } catch (WebhookTargets.Refused e) {
            errors.add(new FieldError("url", e.code(), e.text()));
            return null;
        }
    }

    private static List<String> types(List<String> requested, List<FieldError> errors) {
        if (requested == null || requested.isEmpty()) {
            errors.add(new FieldError("types", "required", LocalizedText.of("Name the events to send, among "
                    + WebhookEvents.known() + ".", "ระบุเหตุการณ์ที่ต้องการ จาก " + WebhookEvents.known())));
            return List.of();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || !WebhookEvents.TYPES.contains(type.strip())) {
                errors.add(new FieldError("types", "unknown-type", LocalizedText.of("Unknown event '" + type
                        + "'; events are " + WebhookEvents.known() + ".", "ไม่รู้จักเหตุการณ์ '" + type
                        + "' เหตุการณ์ที่มีคือ " + WebhookEvents.known())));
            } else {
                types.add(type.strip());
            }
        }
        return List.copyOf(types);
    }

    private static String description(String text, List<FieldError> errors) {
        String d = text == null ? null : text.strip();
        if (d != null && d.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "length", LocalizedText.of("A description has at most "
                    + MAX_DESCRIPTION + " characters.", "คำอธิบายยาวได้ไม่เกิน " + MAX_DESCRIPTION + " ตัวอักษร")));
        }
        return d;
    }

    private ProvinceCode province(String code, List<FieldError> errors) {
        if (code == null) {
            return null;
        }
        try {
            ProvinceCode province = ProvinceCode.of(code.strip());
            if (!provinceExists.test(province)) {
                errors.add(new FieldError("province", "unknown-province", LocalizedText.of("There is no province "
                        + province.value() + ".", "ไม่มีจังหวัดรหัส " + province.value())));
            }
            return province;
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("province", e));
            return null;
        }
    }

    private static Long after(String cursor, List<FieldError> errors) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return PageRequest.of(null, cursor.strip()).position();
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("after", e));
            return null;
        }
    }

    static ProvinceCode provinceOf(WebhookEntity w) {
        return w.province() == null ? null : ProvinceCode.of(w.province());
    }

    /** What the audit trail keeps of a webhook: never its secret. */
    static Map<String, Object> state(WebhookEntity w) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", w.id());
        state.put("url", w.url());
        state.put("description", w.description());
        state.put("types", w.eventTypes());
        state.put("province", w.province());
        state.put("enabled", w.enabled());
        state.put("disabledReason", w.disabledReason());
        return state;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("not-found", LocalizedText.of("There is no such webhook.",
                "ไม่พบ webhook ที่ระบุ"));
    }

    private static ProblemException forbidden(String en, String th) {
        return new ProblemException(403, "forbidden", LocalizedText.of(en, th), List.of());
    }
}
