package org.apom.ext.p50.honours;

import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.recognition.api.AwardDefinition;
import org.apom.recognition.api.AwardProgram;
import org.apom.recognition.api.Candidate;
import org.apom.recognition.api.Reason;
import org.osgi.service.component.annotations.Component;

/**
 * Chiang Mai's own honour: the Lanna volunteer of the year, for one who took part in at least {@value #ACTIVITIES}
 * activities in the fiscal year before the nomination's. The platform gives it in Chiang Mai only, whatever the
 * program says, and applies its own configured rules (an active record, continuous service) before this one.
 */
@Component
public final class LannaVolunteerAward implements AwardProgram {

    static final String CODE = "P50_LANNA_VOLUNTEER";
    static final int ACTIVITIES = 3;

    @Override
    public List<AwardDefinition> awards() {
        return List.of(AwardDefinition.builder(CODE).name(LocalizedText.of("Lanna volunteer of the year (Chiang Mai)",
                "อพม. ล้านนาดีเด่นประจำปี (เชียงใหม่)")).build());
    }

    @Override
    public List<Reason> check(String awardCode, Candidate candidate) {
        int year = candidate.fiscalYear().buddhistYear() - 1;
        int done = candidate.activitiesIn(year);
        if (done >= ACTIVITIES) {
            return List.of();
        }
        return List.of(Reason.of("P50_TOO_FEW_ACTIVITIES", LocalizedText.of("Took part in " + done + " activities "
                + "in fiscal year " + year + "; Chiang Mai asks for " + ACTIVITIES + ".", "ร่วมกิจกรรม " + done
                + " ครั้งในปีงบประมาณ " + year + " จังหวัดเชียงใหม่กำหนดอย่างน้อย " + ACTIVITIES + " ครั้ง")));
    }
}
