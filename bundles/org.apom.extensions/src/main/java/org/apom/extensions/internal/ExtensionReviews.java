package org.apom.extensions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.internal.jpa.ExtensionEntity;
import org.apom.extensions.internal.jpa.SubmissionEntity;
import org.apom.extensions.internal.jpa.SubmissionEntity.State;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;

/**
 * The review of extension jars: a province admin submits a jar (checked against the rules, stored, not
 * installed), a central reviewer reads its manifest and how it differs from the running version and approves or
 * rejects it with a reason, never their own submission. An approved jar is trusted by its digest, for its
 * province: the province's admins install and swap among its approved versions whenever they want. Every step
 * is audited.
 */
public final class ExtensionReviews {

    private static final int MAX_REASON = 1000;

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final JarRules rules;
    private final long maxInflatedBytes;
    private final Clock clock;

    ExtensionReviews(JpaTemplate jpa, AuditTrail audit, JarRules rules, long maxInflatedBytes, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.rules = rules;
        this.maxInflatedBytes = maxInflatedBytes;
        this.clock = clock;
    }

    /** @throws ProblemException 409 {@code already-submitted} for a jar submitted before (by its digest) */
    public SubmissionInfo submit(Caller caller, InputStream body) throws IOException {
        AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        byte[] jar = rules.read(body);
        ExtensionJar checked = rules.check(jar);
        ExtensionAccess.authorize(caller, checked.province());
        String sha256 = ExtensionManager.sha256(jar);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<SubmissionEntity> same = em.createQuery("SELECT s FROM SubmissionEntity s "
                    + "WHERE s.symbolicName = :name AND s.sha256 = :sha", SubmissionEntity.class)
                    .setParameter("name", checked.symbolicName()).setParameter("sha", sha256).getResultList();
            if (!same.isEmpty()) {
                throw ProblemException.conflict("already-submitted", LocalizedText.of(
                        "This jar was submitted before (" + same.get(0).id() + ", " + same.get(0).state() + ").",
                        "แฟ้มนี้ส่งตรวจแล้ว (" + same.get(0).id() + ", " + same.get(0).state() + ")"));
            }
            SubmissionEntity s = new SubmissionEntity(UUID.randomUUID().toString(), checked.symbolicName(),
                    checked.province(), checked.version().toString(), jar, sha256, caller.name(), clock.instant());
            em.persist(s);
            audit.record(caller, "extension.submit", "extension-submission", s.id(),
                    ExtensionAccess.provinceOf(s.province()), null, state(s));
            return report(em, s);
        });
    }

    /** Newest first: a reviewer's are every province's, a province admin's their province's. */
    public List<SubmissionInfo> list(Caller caller, State state) {
        Reach reach = AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        if (reach != Reach.ALL && caller.province() == null) {
            return List.of();
        }
        String province = reach == Reach.ALL ? null : caller.province().value();
        return jpa.txExpr(TransactionType.Supports, em -> {
            // filtered in the query, before the limit, so that a province's queue is never cut by others'
            var query = em.createQuery("SELECT s FROM SubmissionEntity s WHERE 1 = 1"
                    + (state == null ? "" : " AND s.state = :state") + (province == null ? "" : " AND s.province = :p")
                    + " ORDER BY s.submittedAt DESC, s.id", SubmissionEntity.class);
            if (state != null) {
                query.setParameter("state", state.name());
            }
            if (province != null) {
                query.setParameter("p", province);
            }
            return query.setMaxResults(1000).getResultList().stream().map(SubmissionInfo::of).toList();
        });
    }

    public SubmissionInfo get(Caller caller, String id) {
        return jpa.txExpr(TransactionType.Supports, em -> report(em, visible(em, caller, id)));
    }

    public SubmissionInfo approve(Caller caller, String id, String reason) {
        return decide(caller, id, State.APPROVED, reason);
    }

    public SubmissionInfo reject(Caller caller, String id, String reason) {
        requireReason(reason, "A rejection says why, for the province to act on.", "การไม่อนุมัติต้องระบุเหตุผล");
        return decide(caller, id, State.REJECTED, reason);
    }

    /**
     * Withdraws an approval (a flaw found after it): the jar is trusted no more, so it can no longer be installed,
     * swapped or rolled back to, and no node starts it again. The manager stops it where it runs.
     */
    SubmissionInfo revoke(Caller caller, String id, String reason) {
        requireReason(reason, "A revocation says why, for the province to act on.", "การเพิกถอนต้องระบุเหตุผล");
        return decide(caller, id, State.REVOKED, reason);
    }

    private static void requireReason(String reason, String en, String th) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "required", LocalizedText.of(en, th))));
        }
    }

    /** Whether a reviewer approved exactly this jar for this province. */
    static boolean approved(EntityManager em, ExtensionJar jar, String sha256) {
        return !em.createQuery("SELECT s.id FROM SubmissionEntity s WHERE s.symbolicName = :name "
                + "AND s.province = :province AND s.sha256 = :sha AND s.state = :approved", String.class)
                .setParameter("name", jar.symbolicName()).setParameter("province", jar.province())
                .setParameter("sha", sha256).setParameter("approved", State.APPROVED.name())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * The jar of an approved version of an extension the caller manages, the last approved if several jars of
     * that version were.
     *
     * @throws ProblemException 404 {@code not-approved}
     */
    byte[] approvedJar(Caller caller, String symbolicName, String version) {
        AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT s FROM SubmissionEntity s "
                + "WHERE s.symbolicName = :name AND s.bundleVersion = :version AND s.state = :approved "
                + "ORDER BY s.reviewedAt DESC", SubmissionEntity.class)
                .setParameter("name", symbolicName).setParameter("version", version)
                .setParameter("approved", State.APPROVED.name()).getResultList().stream()
                .filter(s -> ExtensionAccess.mayManage(caller, s.province())).findFirst()
                .map(SubmissionEntity::jar)
                .orElseThrow(() -> ProblemException.notFound("not-approved", LocalizedText.of(
                        "No approved jar of " + symbolicName + " " + version + " for your province; submit it "
                                + "for review first.", "ยังไม่มีแฟ้ม " + symbolicName + " รุ่น " + version
                                + " ที่ได้รับอนุมัติสำหรับจังหวัดของคุณ ส่งตรวจก่อน"))));
    }

    private SubmissionInfo decide(Caller caller, String id, State decision, String reason) {
        if (AccessPolicy.reach(caller, Action.EXTENSIONS_MANAGE) != Reach.ALL) {
            AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
            throw new ProblemException(403, "forbidden", LocalizedText.of(
                    "Only central reviewers (central admins) approve or reject extensions.",
                    "เฉพาะผู้ตรวจส่วนกลาง (ผู้ดูแลส่วนกลาง) อนุมัติหรือไม่อนุมัติส่วนขยายได้"), List.of());
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "too-long", LocalizedText.of(
                    "A reason has at most " + MAX_REASON + " characters.",
                    "เหตุผลยาวได้ไม่เกิน " + MAX_REASON + " ตัวอักษร"))));
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            SubmissionEntity s = visible(em, caller, id);
            State from = decision == State.REVOKED ? State.APPROVED : State.SUBMITTED;
            if (s.state() != from) {
                throw ProblemException.conflict(decision == State.REVOKED ? "not-approved" : "already-decided",
                        LocalizedText.of(decision == State.REVOKED ? "Only an approved submission can be revoked; this one is "
                                + s.state().name().toLowerCase() + "." : "This submission was already "
                                + s.state().name().toLowerCase() + ".", decision == State.REVOKED
                                ? "เพิกถอนได้เฉพาะคำขอที่อนุมัติแล้ว" : "คำขอนี้ได้รับการพิจารณาแล้ว"));
            }
            String reviewer = person(caller.name());
            // four eyes for approving; anyone central may withdraw trust, their own approval included
            if (decision != State.REVOKED && (reviewer == null || reviewer.equals(person(s.submittedBy())))) {
                throw ProblemException.conflict("own-submission", LocalizedText.of(
                        "Another reviewer decides on your own submission.",
                        "ผู้ตรวจคนอื่นต้องเป็นผู้พิจารณาคำขอที่คุณส่งเอง"));
            }
            Map<String, Object> before = state(s);
            s.decide(decision, caller.name(), clock.instant(), reason == null || reason.isBlank() ? null : reason.strip());
            em.flush();
            audit.record(caller, "extension." + switch (decision) {
                case APPROVED -> "approve";
                case REJECTED -> "reject";
                default -> "revoke";
            },
                    "extension-submission", s.id(), ExtensionAccess.provinceOf(s.province()), before, state(s));
            return report(em, s);
        });
    }

    /**
     * The person behind a caller's name: the same account over REST ({@code alice}) and in the Karaf shell
     * ({@code karaf-shell:alice}); {@code null} for a shell session whose user is unknown.
     */
    static String person(String callerName) {
        String shell = "karaf-shell";
        if (callerName.equals(shell)) {
            return null;
        }
        return callerName.startsWith(shell + ":") ? callerName.substring(shell.length() + 1) : callerName;
    }

    private static SubmissionEntity visible(EntityManager em, Caller caller, String id) {
        AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        SubmissionEntity s = id == null ? null : em.find(SubmissionEntity.class, id);
        if (s == null || !ExtensionAccess.mayManage(caller, s.province())) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such submission.",
                    "ไม่พบคำขอที่ระบุ"));
        }
        return s;
    }

    /** The submission with its manifest, against the running version or else the last approved one. */
    private SubmissionInfo report(EntityManager em, SubmissionEntity s) {
        Map<String, String> headers = headers(s.jar());
        ExtensionEntity running = em.find(ExtensionEntity.class, s.symbolicName());
        if (running != null && running.province().equals(s.province())) {
            return SubmissionInfo.of(s).withReport(headers, running.currentVersion(),
                    ManifestReport.changes(headers(running.currentJar()), headers));
        }
        List<SubmissionEntity> approved = em.createQuery("SELECT s FROM SubmissionEntity s WHERE s.symbolicName = "
                + ":name AND s.province = :province AND s.state = :approved AND s.id <> :id ORDER BY s.reviewedAt DESC",
                SubmissionEntity.class).setParameter("name", s.symbolicName()).setParameter("province", s.province())
                .setParameter("approved", State.APPROVED.name()).setParameter("id", s.id()).setMaxResults(1)
                .getResultList();
        if (approved.isEmpty()) {
            return SubmissionInfo.of(s).withReport(headers, null, ManifestReport.changes(Map.of(), headers));
        }
        return SubmissionInfo.of(s).withReport(headers, approved.get(0).bundleVersion(),
                ManifestReport.changes(headers(approved.get(0).jar()), headers));
    }

    private Map<String, String> headers(byte[] jar) {
        return ManifestReport.headers(JarStructure.manifest(jar, maxInflatedBytes).getMainAttributes());
    }

    private static Map<String, Object> state(SubmissionEntity s) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("symbolicName", s.symbolicName());
        state.put("version", s.bundleVersion());
        state.put("province", s.province());
        state.put("sha256", s.sha256());
        state.put("state", s.state().name());
        if (s.reason() != null) {
            state.put("reason", s.reason());
        }
        return state;
    }
}
