package org.apom.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;

/**
 * National-ID probing: a registration or an import row whose ID is already registered in a province the caller
 * may not read tells the caller that the person is registered somewhere. Each such clash is answered
 * {@code registered-elsewhere} (naming neither the province nor the record), audited as
 * {@code volunteer.probe} on the caller, and counted: a caller has {@link RegistryConfig#probesPerDay()} a day
 * (Thai time), after which registrations that clash answer 429 {@code probe-limit} and imports are refused.
 * The count is the caller's {@code volunteer.probe} entries of the day in the audit trail, so every node
 * sees the same count and nothing else needs storing.
 */
final class ProbeGuard {

    static final String ENTITY = "volunteer-probe";
    static final String ACTION = "volunteer.probe";
    private static final Caller COUNTER = Caller.system("probe-limit");

    private final AuditTrail audit;
    private final Clock clock;
    private final int perDay;

    ProbeGuard(AuditTrail audit, Clock clock, int perDay) {
        this.audit = audit;
        this.clock = clock;
        this.perDay = perDay;
    }

    /** Whether a clash with a record held in {@code heldIn} tells the caller more than they may read. */
    static boolean isProbe(Caller caller, ProvinceCode heldIn) {
        return heldIn != null && !AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, heldIn);
    }

    /**
     * Refuses, whatever the national ID, an operation that sets one for a caller who has no probe left today:
     * were only clashing IDs refused, "429 or 201" would still tell them whether an ID is held elsewhere.
     *
     * @throws ProblemException 429 {@code probe-limit}
     */
    void requireProbesLeft(Caller caller) {
        if (mayProbe(caller) && remaining(caller) <= 0) {
            throw limitReached();
        }
    }

    /** Whether the caller can meet an ID they may not read (a caller who reads every province never probes). */
    static boolean mayProbe(Caller caller) {
        return AccessPolicy.reach(caller, Action.VOLUNTEERS_READ) != Reach.ALL;
    }

    /** Probes the caller may still make today (never negative). */
    int remaining(Caller caller) {
        Instant today = LocalDate.now(clock).atStartOfDay(JpaVolunteerRegistry.THAILAND).toInstant();
        long used = audit.history(COUNTER, ENTITY, key(caller)).stream()
                .filter(e -> ACTION.equals(e.action()) && !e.at().isBefore(today)).count();
        return (int) Math.max(0, perDay - used);
    }

    /**
     * Audits one probe, in the caller's transaction. The entry is on the caller (entity {@value #ENTITY}), so it
     * never shows in a volunteer's history; it keeps the ID masked and the province that holds it, if any.
     */
    void record(Caller caller, String via, NationalId id, ProvinceCode heldIn) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("via", via);
        what.put("nationalId", id.masked());
        what.put("heldIn", heldIn == null ? null : heldIn.value());
        audit.record(caller, ACTION, ENTITY, key(caller), caller.province(), null, what);
    }

    static String key(Caller caller) {
        return caller.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + caller.name();
    }

    static ProblemException registeredElsewhere() {
        return ProblemException.conflict("registered-elsewhere", LocalizedText.of(
                "This national ID is registered in another province. If the person has moved, ask for a transfer.",
                "เลขประจำตัวประชาชนนี้ขึ้นทะเบียนไว้ในจังหวัดอื่นแล้ว หากย้ายที่อยู่ กรุณายื่นคำขอโอนย้าย"));
    }

    ProblemException limitReached() {
        return new ProblemException(429, "probe-limit", LocalizedText.of(
                "You reached today's limit of " + perDay + " national IDs registered in other provinces; try again"
                        + " tomorrow or ask a central admin.",
                "คุณตรวจพบเลขประจำตัวประชาชนที่ขึ้นทะเบียนในจังหวัดอื่นครบ " + perDay
                        + " ครั้งของวันนี้แล้ว กรุณาลองใหม่พรุ่งนี้ หรือติดต่อผู้ดูแลส่วนกลาง"), List.of(),
                Math.max(1, java.time.Duration.between(clock.instant(), LocalDate.now(clock).plusDays(1)
                        .atStartOfDay(JpaVolunteerRegistry.THAILAND).toInstant()).toSeconds()));
    }
}
