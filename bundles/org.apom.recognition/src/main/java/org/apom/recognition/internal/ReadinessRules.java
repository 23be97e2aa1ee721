package org.apom.recognition.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.networks.api.Committee;
import org.apom.networks.api.CommitteePosition;
import org.apom.networks.api.CommitteeSeat;
import org.apom.networks.api.CurrentTier;
import org.apom.recognition.api.Readiness;
import org.apom.recognition.api.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What registration as an organisation asks of a network, as configured (etc/org.apom.recognition.cfg), and the
 * weighing of one network against it. Every lack is named, not only the first.
 *
 * @param activeYears fiscal years before this one that must each have an activity
 * @param tiers the tiers of the latest grading that will do (the override beside it does not count)
 * @param positions the committee's seats that must be filled
 */
record ReadinessRules(int minMembers, int activeYears, Set<String> tiers, Set<CommitteePosition> positions) {

    static final String NO_COMMITTEE = "NO_COMMITTEE";
    static final String COMMITTEE_OUT_OF_TERM = "COMMITTEE_OUT_OF_TERM";
    static final String COMMITTEE_INCOMPLETE = "COMMITTEE_INCOMPLETE";
    static final String TOO_FEW_MEMBERS = "TOO_FEW_MEMBERS";
    static final String NOT_GRADED = "NOT_GRADED";
    static final String TIER_TOO_LOW = "TIER_TOO_LOW";
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessRules.class);

    static ReadinessRules of(RecognitionConfig config) {
        Set<String> tiers = new LinkedHashSet<>();
        for (String t : split(config.organisationTiers())) {
            if (t.matches("[ABC]")) {
                tiers.add(t);
            } else {
                LOG.warn("etc/org.apom.recognition.cfg: organisationTiers names {}, not A, B or C; it is ignored", t);
            }
        }
        Set<CommitteePosition> positions = EnumSet.noneOf(CommitteePosition.class);
        for (String p : split(config.organisationPositions())) {
            try {
                positions.add(CommitteePosition.valueOf(p));
            } catch (IllegalArgumentException e) {
                LOG.warn("etc/org.apom.recognition.cfg: organisationPositions names {}, no seat; it is ignored", p);
            }
        }
        return new ReadinessRules(Math.max(0, config.organisationMinMembers()),
                Math.max(0, Math.min(AwardRules.MAX_YEARS, config.organisationActiveYears())), tiers, positions);
    }

    private static List<String> split(String[] values) {
        List<String> parts = new ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            for (String p : v.split(",")) {
                if (!p.isBlank()) {
                    parts.add(p.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        return parts;
    }

    /**
     * @param committee the current committee, {@code null} when none was appointed
     * @param idleYears the fiscal years (of the {@link #activeYears} before this one) without an activity
     * @param tier the latest grading, {@code null} when never graded
     */
    Readiness weigh(int members, Committee committee, LocalDate today, List<Integer> idleYears, CurrentTier tier) {
        List<Reason> missing = new ArrayList<>();
        if (!positions.isEmpty()) {
            if (committee == null) {
                missing.add(reason(NO_COMMITTEE, "No committee was appointed.", "ยังไม่ได้แต่งตั้งคณะกรรมการ"));
            } else {
                if (!committee.inTerm(today)) {
                    missing.add(reason(COMMITTEE_OUT_OF_TERM, "The committee's term ended on " + committee.termEnd()
                            + ".", "วาระของคณะกรรมการสิ้นสุดเมื่อ " + committee.termEnd()));
                }
                Set<CommitteePosition> empty = EnumSet.copyOf(positions);
                committee.seats().stream().map(CommitteeSeat::position).forEach(empty::remove);
                if (!empty.isEmpty()) {
                    missing.add(reason(COMMITTEE_INCOMPLETE, "The committee has no " + empty + ".",
                            "คณะกรรมการยังขาดตำแหน่ง " + empty));
                }
            }
        }
        if (members < minMembers) {
            missing.add(reason(TOO_FEW_MEMBERS, members + " members; registration asks for " + minMembers + ".",
                    "มีสมาชิก " + members + " คน แต่ต้องมีอย่างน้อย " + minMembers + " คน"));
        }
        if (!idleYears.isEmpty()) {
            String years = String.join(", ", idleYears.stream().map(String::valueOf).toList());
            missing.add(reason(Reason.SERVICE_NOT_CONTINUOUS, "No activity in fiscal year " + years + "; registration "
                    + "asks for one in each of the " + activeYears + " years before this one.",
                    "ไม่มีกิจกรรมในปีงบประมาณ " + years + " ต้องมีกิจกรรมทุกปีใน " + activeYears + " ปีก่อนปีนี้"));
        }
        if (!tiers.isEmpty()) {
            if (tier == null) {
                missing.add(reason(NOT_GRADED, "The network was never graded.",
                        "เครือข่ายยังไม่เคยได้รับการประเมินระดับ"));
            } else if (!tiers.contains(tier.tier())) {
                missing.add(reason(TIER_TOO_LOW, "Tier " + tier.tier() + " in fiscal year " + tier.fiscalYear()
                        + "; registration asks for " + String.join(" or ", tiers) + ".", "ได้ระดับ " + tier.tier()
                        + " ในปีงบประมาณ " + tier.fiscalYear() + " ต้องได้ระดับ " + String.join(" หรือ ", tiers)));
            }
        }
        return new Readiness(missing.isEmpty(), missing);
    }

    /** The fiscal years before this one that {@link #activeYears} looks at, oldest first. */
    List<FiscalYear> yearsLookedAt(LocalDate today) {
        FiscalYear current = FiscalYear.of(today);
        List<FiscalYear> years = new ArrayList<>();
        for (int back = activeYears; back >= 1; back--) {
            years.add(FiscalYear.of(current.buddhistYear() - back));
        }
        return years;
    }

    private static Reason reason(String code, String en, String th) {
        return Reason.of(code, LocalizedText.of(en, th));
    }
}
