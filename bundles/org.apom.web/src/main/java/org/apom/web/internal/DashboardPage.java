package org.apom.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apom.areas.api.AreaDirectory;
import org.apom.areas.api.Province;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.ImportActivity;
import org.apom.registry.api.ProvinceQuality;
import org.apom.registry.api.VolunteerFiles;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.apom.tiering.api.TierCounts;
import org.apom.tiering.api.Tiering;

/**
 * The dashboard of a province, or of the country for those who see every province: the register's figures, the
 * networks by tier this fiscal year, and the map of provinces coloured by how current their records are.
 */
final class DashboardPage {

    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    private final VolunteerRegistry registry;
    private final VolunteerFiles files;
    private final Tiering tiering;
    private final AreaDirectory areas;

    DashboardPage(VolunteerRegistry registry, VolunteerFiles files, Tiering tiering, AreaDirectory areas) {
        this.registry = registry;
        this.files = files;
        this.tiering = tiering;
        this.areas = areas;
    }

    /** The person's own province, or the country for those whose reach is every province. */
    void home(Visit visit) throws IOException {
        Caller caller = visit.caller();
        boolean national = AccessPolicy.reach(caller, Action.VOLUNTEERS_READ) == Reach.ALL
                || caller.province() == null;
        render(visit, national ? null : caller.province());
    }

    void province(Visit visit, String code) throws IOException {
        ProvinceCode province = ProblemException.parameter("province", code, ProvinceCode::of);
        if (areas.province(province).isEmpty()) {
            throw ProblemException.notFound("no-such-province", visit.localized("error.noSuchProvince"));
        }
        if (!AccessPolicy.allows(visit.caller(), Action.VOLUNTEERS_READ, province)) {
            throw new ProblemException(403, "forbidden", visit.localized("error.otherProvince"), List.of());
        }
        render(visit, province);
    }

    private void render(Visit visit, ProvinceCode province) throws IOException {
        Caller caller = visit.caller();
        Formats formats = visit.formats();
        Map<String, Object> model = new HashMap<>();
        Map<ProvinceCode, Province> names = new HashMap<>();
        areas.provinces().forEach(p -> names.put(p.code(), p));
        model.put("scope", province == null ? visit.text("dashboard.country")
                : name(visit, names.get(province)));
        model.put("provinceCode", province == null ? "" : province.value());
        FiscalYear year = FiscalYear.of(LocalDate.now(THAILAND));
        model.put("fiscalYear", year.buddhistYear());

        boolean readsRegister = AccessPolicy.reach(caller, Action.VOLUNTEERS_READ) != Reach.NONE;
        model.put("readsRegister", readsRegister);
        List<ProvinceQuality> everyProvince = readsRegister ? registry.dataQuality(caller, null) : List.of();
        List<ProvinceQuality> shown = province == null ? everyProvince
                : everyProvince.stream().filter(q -> q.province().equals(province)).toList();
        long records = shown.stream().mapToLong(ProvinceQuality::records).sum();
        long active = shown.stream().mapToLong(q -> q.byStatus().getOrDefault(VolunteerStatus.ACTIVE, 0L)).sum();
        double verified = records == 0 ? 0 : shown.stream()
                .mapToDouble(q -> q.verifiedWithin12MonthsPercent() * q.records()).sum() / records;
        model.put("records", formats.count(records));
        model.put("active", formats.count(active));
        model.put("verified", formats.percent(verified));
        model.put("duplicates", formats.count(shown.stream().mapToLong(ProvinceQuality::suspectedDuplicates).sum()));
        ImportActivity imports = files.activity();
        model.put("importsRunning", imports.running());
        model.put("importsQueued", imports.queued());

        boolean readsTiers = AccessPolicy.reach(caller, Action.TIERING_READ) != Reach.NONE;
        model.put("readsTiers", readsTiers);
        List<TierCounts> tiers = readsTiers ? tiering.summary(caller, year, province) : List.of();
        if (readsTiers && tiers.stream().allMatch(t -> t.a() + t.b() + t.c() == 0)) {
            // early in a fiscal year nothing is graded yet: the last year's grades are the current ones
            year = year.previous();
            tiers = tiering.summary(caller, year, province);
        }
        model.put("tierYear", year.buddhistYear());
        Map<String, TierCounts> tiersByProvince = new HashMap<>();
        tiers.forEach(t -> tiersByProvince.put(t.province() == null ? "" : t.province(), t));
        TierCounts total = tiersByProvince.getOrDefault(province == null ? "" : province.value(),
                new TierCounts(null, 0, 0, 0, 0));
        model.put("tierA", total.a());
        model.put("tierB", total.b());
        model.put("tierC", total.c());

        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProvinceQuality q : everyProvince) {
            Map<String, Object> row = new HashMap<>();
            row.put("code", q.province().value());
            row.put("name", name(visit, names.get(q.province())));
            row.put("records", q.records());
            row.put("verified", Math.round(q.verifiedWithin12MonthsPercent() * 10) / 10.0);
            row.put("verifiedText", formats.percent(q.verifiedWithin12MonthsPercent()));
            TierCounts t = tiersByProvince.get(q.province().value());
            row.put("tiers", t == null ? "" : t.a() + " / " + t.b() + " / " + t.c());
            rows.add(row);
        }
        rows.sort((a, b) -> ((String) a.get("code")).compareTo((String) b.get("code")));
        model.put("provinces", rows);
        visit.render(200, "dashboard", model);
    }

    static String name(Visit visit, Province province) {
        if (province == null) {
            return "";
        }
        return visit.language() == Language.TH ? province.nameTh() : province.nameEn();
    }
}
