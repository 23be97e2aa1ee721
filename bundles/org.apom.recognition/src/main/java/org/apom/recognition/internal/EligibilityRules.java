package org.apom.recognition.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apom.core.api.LocalizedText;
import org.apom.recognition.api.Award;
import org.apom.recognition.api.AwardClass;
import org.apom.recognition.api.Candidate;
import org.apom.recognition.api.Eligibility;
import org.apom.recognition.api.Honour;
import org.apom.recognition.api.Reason;
import org.apom.registry.api.VolunteerStatus;

/**
 * The platform's rules for every award, as configured ({@link AwardRules}): what stands between a candidate and an
 * award before its program's own rules. Every rule that fails is named, not only the first, so an officer sees at
 * once all that is missing.
 */
final class EligibilityRules {

    private EligibilityRules() {
    }

    /**
     * @param pending whether a nomination of the candidate for the award in the candidate's year is open
     * @param programReasons what the award's own program said
     */
    static Eligibility weigh(Award award, AwardRules rules, Candidate c, boolean pending,
            List<Reason> programReasons) {
        List<Reason> reasons = new ArrayList<>();
        String code = award.code();
        int year = c.fiscalYear().buddhistYear();
        if (c.status() != VolunteerStatus.ACTIVE) {
            reasons.add(Reason.of(Reason.NOT_ACTIVE, LocalizedText.of("The record is " + c.status()
                    + ", not active: only active volunteers are nominated.", "สถานะของอาสาสมัครคือ "
                    + c.status() + " ไม่ใช่ ACTIVE จึงเสนอชื่อไม่ได้")));
        }
        Integer minYears = rules.minYearsRegistered(code);
        if (minYears != null) {
            long years = ChronoUnit.YEARS.between(c.registeredOn(), c.fiscalYear().end());
            if (years < minYears) {
                reasons.add(Reason.of(Reason.TOO_FEW_YEARS, LocalizedText.of("Registered on " + c.registeredOn()
                        + ": " + years + " full years by the end of fiscal year " + year + ", and the award asks for "
                        + minYears + ".", "ขึ้นทะเบียนเมื่อ " + c.registeredOn() + " ครบ " + years
                        + " ปีเมื่อสิ้นปีงบประมาณ " + year + " แต่รางวัลนี้กำหนด " + minYears + " ปี")));
            }
        }
        int continuous = rules.continuousYears(code);
        List<Integer> idle = new ArrayList<>();
        for (int y = year - continuous; y < year; y++) {
            if (c.activitiesIn(y) == 0) {
                idle.add(y);
            }
        }
        if (!idle.isEmpty()) {
            String years = String.join(", ", idle.stream().map(String::valueOf).toList());
            reasons.add(Reason.of(Reason.SERVICE_NOT_CONTINUOUS, LocalizedText.of("The award asks for an activity in "
                    + "each of the " + continuous + " fiscal years before " + year + "; none in " + years + ".",
                    "รางวัลนี้กำหนดให้มีกิจกรรมทุกปีงบประมาณ " + continuous + " ปีก่อนปี " + year
                            + " แต่ไม่มีกิจกรรมในปี " + years)));
        }
        for (String required : rules.requires(code)) {
            if (c.honours().stream().noneMatch(h -> h.awardCode().equals(required) && h.fiscalYear() <= year)) {
                reasons.add(required.equals(CoreAwards.OUTSTANDING_NATIONAL)
                        ? Reason.of(Reason.NOT_NATIONAL_OUTSTANDING, LocalizedText.of("The award is for those once "
                                + "chosen as national outstanding volunteers; " + required + " was never conferred.",
                                "รางวัลนี้สำหรับผู้เคยได้รับคัดเลือกเป็น อพม. ดีเด่นระดับประเทศ ซึ่งยังไม่เคยได้รับ"))
                        : Reason.of(Reason.PREREQUISITE_MISSING, LocalizedText.of("The award asks for " + required
                                + " first, which was never conferred.", "รางวัลนี้ต้องได้รับ " + required
                                + " มาก่อน ซึ่งยังไม่เคยได้รับ")));
            }
        }
        List<Honour> held = c.honours().stream().filter(h -> h.awardCode().equals(code)).toList();
        String next = null;
        if (award.graded()) {
            Optional<Honour> highest = highest(award, held);
            int rank = highest.map(h -> rank(award, h.awardClass())).orElse(-1);
            if (rank == award.classes().size() - 1) {
                reasons.add(Reason.of(Reason.ALREADY_HOLDS, LocalizedText.of("Holds the highest class already.",
                        "ได้รับชั้นสูงสุดแล้ว")));
            } else {
                next = award.classes().get(rank + 1).code();
            }
            int gap = rules.minYearsBetweenClasses(code);
            Optional<Honour> latest = held.stream().max((a, b) -> Integer.compare(a.fiscalYear(), b.fiscalYear()));
            if (latest.isPresent() && year - latest.get().fiscalYear() < gap) {
                int from = latest.get().fiscalYear() + gap;
                reasons.add(Reason.of(Reason.CLASS_TOO_SOON, LocalizedText.of("The previous class was conferred for "
                        + "fiscal year " + latest.get().fiscalYear() + "; the next may be for " + from
                        + " at the earliest (" + gap + " years between classes).", "ได้รับชั้นก่อนหน้าในปีงบประมาณ "
                        + latest.get().fiscalYear() + " ชั้นถัดไปเสนอได้ตั้งแต่ปี " + from + " (ห่างกัน " + gap
                        + " ปี)")));
            }
        } else {
            boolean once = rules.holdOnce(code);
            held.stream().filter(h -> once || h.fiscalYear() == year).findFirst().ifPresent(h -> reasons.add(
                    Reason.of(Reason.ALREADY_HOLDS, LocalizedText.of("Received it for fiscal year " + h.fiscalYear()
                            + (once ? "; it is received once." : "."), "ได้รับแล้วในปีงบประมาณ " + h.fiscalYear()
                            + (once ? " ซึ่งได้รับได้ครั้งเดียว" : "")))));
        }
        if (pending) {
            reasons.add(Reason.of(Reason.PENDING_NOMINATION, LocalizedText.of("A nomination for the award in fiscal "
                    + "year " + year + " is open already.", "มีการเสนอชื่อรางวัลนี้ในปีงบประมาณ " + year
                    + " ที่ยังดำเนินการอยู่")));
        }
        reasons.addAll(programReasons);
        return new Eligibility(award, reasons.isEmpty(), next, reasons);
    }

    /** The position of a class in the award's order, lowest 0; -1 for a class the award does not have. */
    static int rank(Award award, String classCode) {
        List<AwardClass> classes = award.classes();
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).code().equals(classCode)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Honour> highest(Award award, List<Honour> held) {
        return held.stream().max((a, b) -> Integer.compare(rank(award, a.awardClass()), rank(award, b.awardClass())));
    }
}
