package org.apom.recognition.internal;

import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.recognition.api.AwardClass;
import org.apom.recognition.api.AwardDefinition;
import org.apom.recognition.api.AwardProgram;
import org.apom.recognition.api.Candidate;
import org.apom.recognition.api.Reason;
import org.osgi.service.component.annotations.Component;

/**
 * The ministry's awards (docs/mission.md, goal 5). Their rules are all the platform's configured ones
 * (etc/org.apom.recognition.cfg), so this program adds none of its own.
 */
@Component(service = AwardProgram.class)
public final class CoreAwards implements AwardProgram {

    static final String OUTSTANDING_PROVINCIAL = "OUTSTANDING_PROVINCIAL";
    static final String OUTSTANDING_NATIONAL = "OUTSTANDING_NATIONAL";
    static final String HONOUR_PIN = "HONOUR_PIN";
    static final String HONOUR_PLAQUE = "HONOUR_PLAQUE";
    static final String DIREKGUNABHORN = "DIREKGUNABHORN";

    private static final List<AwardDefinition> AWARDS = List.of(
            award(OUTSTANDING_PROVINCIAL, "Outstanding volunteer, provincial level", "อพม. ดีเด่นระดับจังหวัด"),
            award(OUTSTANDING_NATIONAL, "Outstanding volunteer, national level", "อพม. ดีเด่นระดับประเทศ"),
            award(HONOUR_PIN, "Honour pin", "เข็มเชิดชูเกียรติ"),
            award(HONOUR_PLAQUE, "Honour plaque", "โล่เชิดชูเกียรติ"),
            // lowest first: a person is first nominated for the silver medal and moves up one class at a time
            AwardDefinition.builder(DIREKGUNABHORN).name(LocalizedText.of("The Most Admirable Order of the "
                    + "Direkgunabhorn", "เครื่องราชอิสริยาภรณ์อันเป็นที่สรรเสริญยิ่งดิเรกคุณาภรณ์"))
                    .grade(grade("SILVER_MEDAL", "Silver Medal (R.Ng.Ph.)", "เหรียญเงินดิเรกคุณาภรณ์ (ร.ง.ภ.)"))
                    .grade(grade("GOLD_MEDAL", "Gold Medal (R.Th.Ph.)", "เหรียญทองดิเรกคุณาภรณ์ (ร.ท.ภ.)"))
                    .grade(grade("FIFTH_CLASS", "Fifth Class, Member (B.Ph.)", "เบญจมาภรณ์ดิเรกคุณาภรณ์ (บ.ภ.)"))
                    .grade(grade("FOURTH_CLASS", "Fourth Class, Member (Ch.Ph.)", "จตุตถาภรณ์ดิเรกคุณาภรณ์ (จ.ภ.)"))
                    .grade(grade("THIRD_CLASS", "Third Class, Companion (T.Ph.)", "ตติยาภรณ์ดิเรกคุณาภรณ์ (ต.ภ.)"))
                    .grade(grade("SECOND_CLASS", "Second Class, Commander (Th.Ph.)",
                            "ทุติยาภรณ์ดิเรกคุณาภรณ์ (ท.ภ.)"))
                    .grade(grade("FIRST_CLASS", "First Class, Knight Commander (P.Ph.)",
                            "ประถมาภรณ์ดิเรกคุณาภรณ์ (ป.ภ.)"))
                    .build());

    @Override
    public List<AwardDefinition> awards() {
        return AWARDS;
    }

    @Override
    public List<Reason> check(String awardCode, Candidate candidate) {
        return List.of();
    }

    private static AwardDefinition award(String code, String en, String th) {
        return AwardDefinition.builder(code).name(LocalizedText.of(en, th)).build();
    }

    private static AwardClass grade(String code, String en, String th) {
        return AwardClass.of(code, LocalizedText.of(en, th));
    }
}
