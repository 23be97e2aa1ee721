package org.apom.recognition.internal.dossier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.networks.api.CommitteePosition;
import org.apom.networks.api.NetworkLevel;
import org.apom.networks.api.NetworkPosition;
import org.apom.networks.api.ServiceYear;
import org.apom.recognition.api.Honour;
import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationAction;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.api.NominationStep;

/** Dossier entries as the gatherer makes them, for the writers' tests. */
final class Dossiers {

    static final ProvinceCode CHIANG_MAI = ProvinceCode.of("50");

    /** Thai with every kind of mark: tone over upper vowel, below vowels, sara am, a tall consonant's marks. */
    static final String JUSTIFICATION = "ช่วยเหลือผู้สูงอายุและคนพิการในชุมชนอย่างต่อเนื่องมาเป็นเวลาสิบปี "
            + "ดูแลผู้ป่วยติดเตียงที่บ้านน้ำผึ้งป่าฝางกว่าห้าสิบครอบครัว และริเริ่มกองทุนข้าวสารให้ครอบครัวที่ขาดแคลน"
            + "ในฤดูฝนทุกปีโดยไม่เคยขาด";

    private Dossiers() {
    }

    static DossierEntry entry(String id, String firstName, String lastName, boolean previous) {
        Instant endorsedAt = Instant.parse("2026-01-15T03:00:00Z");
        Nomination n = new Nomination(id, "DIREKGUNABHORN", "v-" + id, CHIANG_MAI, 2569,
                previous ? "GOLD_MEDAL" : "SILVER_MEDAL", JUSTIFICATION, NominationStatus.ENDORSED, null,
                null, "officer50", Instant.parse("2026-01-05T03:00:00Z"), 3, List.of(
                        new NominationStep(NominationAction.SUBMIT, NominationStatus.DRAFT, NominationStatus.SUBMITTED,
                                "admin50", Instant.parse("2026-01-10T03:00:00Z"), null),
                        new NominationStep(NominationAction.ENDORSE, NominationStatus.SUBMITTED,
                                NominationStatus.ENDORSED, "admin50", endorsedAt,
                                "จังหวัดเชียงใหม่รับรองว่าเป็นผู้มีความประพฤติดี")));
        List<ServiceYear> years = new ArrayList<>();
        for (int y = 2565; y <= 2569; y++) {
            years.add(new ServiceYear(y, y - 2560, new BigDecimal("12.5"), 40, Map.of("HOME_VISIT", y - 2560)));
        }
        Honour held = previous ? new Honour("h-" + id, "v-" + id, CHIANG_MAI, "DIREKGUNABHORN", "SILVER_MEDAL",
                2563, LocalDate.of(2020, 7, 28), "เล่ม 137 ตอนที่ 12 ข", null, "root", Instant.now()) : null;
        return new DossierEntry(n, "เชียงใหม่", "นางสาว", firstName, lastName, LocalDate.of(2012, 10, 1), 13,
                List.of(new NetworkPosition("n-1", "เครือข่าย อพม. ตำบลป่าแดด", NetworkLevel.SUBDISTRICT,
                        LocalDate.of(2015, 3, 1), CommitteePosition.CHAIR)), years, held,
                previous ? LocalizedText.of("Silver Medal (R.Ng.Ph.)", "เหรียญเงินดิเรกคุณาภรณ์ (ร.ง.ภ.)") : null,
                previous ? LocalizedText.of("Gold Medal (R.Th.Ph.)", "เหรียญทองดิเรกคุณาภรณ์ (ร.ท.ภ.)")
                        : LocalizedText.of("Silver Medal (R.Ng.Ph.)", "เหรียญเงินดิเรกคุณาภรณ์ (ร.ง.ภ.)"), n.history().get(1));
    }

    static DossierQuery query() {
        return DossierQuery.of(FiscalYear.of(2569), CHIANG_MAI, null);
    }
}
