package org.apom.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.Activity;
import org.apom.networks.api.ActivityQuery;
import org.apom.networks.api.Committee;
import org.apom.networks.api.CommitteeSeat;
import org.apom.networks.api.Membership;
import org.apom.networks.api.Network;
import org.apom.networks.api.NetworkActivities;
import org.apom.networks.api.NetworkCommittees;
import org.apom.networks.api.NetworkLevel;
import org.apom.networks.api.NetworkMembers;
import org.apom.networks.api.NetworkQuery;
import org.apom.networks.api.Networks;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Reach;
import org.apom.tiering.api.Assessment;
import org.apom.tiering.api.CriterionScore;
import org.apom.tiering.api.TierCounts;
import org.apom.tiering.api.Tiering;

/**
 * Networks: a province's tier table (its networks with this fiscal year's tier, filtered by tier or level) and a
 * network's page: its members, committee, latest activities and its assessment, criterion by criterion, explained.
 */
final class NetworkPages {

    static final int PAGE_SIZE = 25;
    private static final int ACTIVITIES_SHOWN = 10;
    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    private final Networks networks;
    private final NetworkMembers members;
    private final NetworkCommittees committees;
    private final NetworkActivities activities;
    private final Tiering tiering;
    private final VolunteerRegistry registry;
    private final AreaDirectory areas;

    NetworkPages(Networks networks, NetworkMembers members, NetworkCommittees committees,
            NetworkActivities activities, Tiering tiering, VolunteerRegistry registry, AreaDirectory areas) {
        this.networks = networks;
        this.members = members;
        this.committees = committees;
        this.activities = activities;
        this.tiering = tiering;
        this.registry = registry;
        this.areas = areas;
    }

    void list(Visit visit) throws IOException {
        boolean national = AccessPolicy.reach(visit.caller(), Action.NETWORKS_READ) == Reach.ALL;
        ProvinceCode province = visit.param("province") == null ? null
                : ProblemException.parameter("province", visit.param("province"), ProvinceCode::of);
        String tier = visit.param("tier");
        if (tier != null && !tier.matches("[ABC]")) {
            throw ProblemException.badParameter("tier", new InvalidValueException("unknown-tier",
                    visit.localized("networks.badTier")));
        }
        NetworkLevel level = visit.param("level") == null ? null : level(visit, visit.param("level"));
        boolean readsTiers = AccessPolicy.reach(visit.caller(), Action.TIERING_READ) != Reach.NONE;
        if (tier != null && !readsTiers) {
            throw AccessPolicy.forbidden(Action.TIERING_READ);
        }
        Page<Network> found = networks.search(visit.caller(), new NetworkQuery(province, level, null, tier),
                ProblemException.parameter("after", visit.param("after"), after -> PageRequest.of(PAGE_SIZE, after)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Network n : found.items()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", n.id());
            row.put("name", n.name());
            row.put("level", visit.text("level." + n.level().name()));
            row.put("area", area(visit, n));
            row.put("members", n.memberCount());
            row.put("tier", n.currentTier() == null ? "" : shownTier(n.currentTier().tier(),
                    n.currentTier().override()));
            row.put("tierYear", n.currentTier() == null ? "" : FiscalYear.of(n.currentTier().fiscalYear())
                    .buddhistYear());
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("next", found.nextCursor() == null ? "" : found.nextCursor());
        model.put("national", national);
        model.put("province", province == null ? "" : province.value());
        model.put("provinces", national ? areas.provinces().stream().map(p -> Map.of("code", p.code().value(),
                "name", DashboardPage.name(visit, p))).toList() : List.of());
        model.put("tier", tier == null ? "" : tier);
        model.put("level", level == null ? "" : level.name());
        model.put("levels", java.util.Arrays.stream(NetworkLevel.values()).map(l -> Map.of("name", l.name(),
                "text", visit.text("level." + l.name()))).toList());
        model.put("readsTiers", readsTiers);
        if (readsTiers) {
            FiscalYear year = FiscalYear.of(LocalDate.now(THAILAND));
            ProvinceCode scope = province != null ? province : national ? null : visit.caller().province();
            List<TierCounts> counts = tiering.summary(visit.caller(), year, scope);
            if (counts.stream().allMatch(t -> t.a() + t.b() + t.c() == 0)) {
                // early in a fiscal year nothing is graded yet: last year's grades are the current ones
                year = year.previous();
                counts = tiering.summary(visit.caller(), year, scope);
            }
            String key = scope == null ? null : scope.value();
            TierCounts total = counts.stream().filter(t -> java.util.Objects.equals(t.province(), key)).findFirst()
                    .orElse(new TierCounts(key, 0, 0, 0, 0));
            model.put("tierYear", year.buddhistYear());
            model.put("counts", Map.of("a", total.a(), "b", total.b(), "c", total.c(), "overridden",
                    total.overridden()));
        }
        visit.render(200, "networks", model);
    }

    void show(Visit visit, String id) throws IOException {
        Network n = networks.get(visit.caller(), id);
        Map<String, Object> model = new HashMap<>();
        model.put("id", n.id());
        model.put("name", n.name());
        model.put("level", visit.text("level." + n.level().name()));
        model.put("area", area(visit, n));
        model.put("foundedOn", visit.formats().date(n.foundedOn()));
        model.put("memberCount", n.memberCount());

        Page<Membership> page = members.members(visit.caller(), id, false, ProblemException.parameter("after",
                visit.param("after"), after -> PageRequest.of(PAGE_SIZE, after)));
        List<Map<String, Object>> people = new ArrayList<>();
        for (Membership m : page.items()) {
            people.add(Map.of("id", m.volunteerId(), "name", RecordView.nameOrId(registry, visit, m.volunteerId()),
                    "since", visit.formats().date(m.since())));
        }
        model.put("members", people);
        model.put("nextMembers", page.nextCursor() == null ? "" : page.nextCursor());

        Optional<Committee> committee = committees.current(visit.caller(), id);
        model.put("hasCommittee", committee.isPresent());
        committee.ifPresent(c -> {
            model.put("termStart", visit.formats().date(c.termStart()));
            model.put("termEnd", visit.formats().date(c.termEnd()));
            List<Map<String, Object>> seats = new ArrayList<>();
            for (CommitteeSeat seat : c.seats()) {
                seats.add(Map.of("position", visit.text("position." + seat.position().name()), "id",
                        seat.volunteerId(), "name", RecordView.nameOrId(registry, visit, seat.volunteerId())));
            }
            model.put("seats", seats);
        });

        List<Map<String, Object>> done = new ArrayList<>();
        for (Activity a : activities.list(visit.caller(), id, ActivityQuery.all(),
                PageRequest.of(ACTIVITIES_SHOWN, null)).items()) {
            done.add(Map.of("date", visit.formats().date(a.date()), "title", a.title(), "kind", a.kind(),
                    "participants", a.participantCount(), "beneficiaries", a.beneficiaries(),
                    "hours", a.hours() == null ? "" : a.hours().stripTrailingZeros().toPlainString()));
        }
        model.put("activities", done);

        boolean readsTiers = AccessPolicy.allows(visit.caller(), Action.TIERING_READ, n.province());
        model.put("readsTiers", readsTiers);
        model.put("hasAssessment", false);
        if (readsTiers) {
            assessment(visit, id).ifPresent(a -> {
                model.put("hasAssessment", true);
                model.put("tier", shownTier(a.tier().name(), a.override() == null ? null
                        : a.override().tier().name()));
                model.put("computedTier", a.tier().name());
                model.put("overrideReason", a.override() == null ? "" : a.override().reason());
                model.put("score", number(a.score()));
                model.put("assessedYear", FiscalYear.of(a.fiscalYear()).buddhistYear());
                List<Map<String, Object>> criteria = new ArrayList<>();
                for (CriterionScore c : a.criteria()) {
                    criteria.add(Map.of("name", c.name().in(visit.language().locale()),
                            "value", number(c.value()), "score", number(c.score()), "weight", c.weight(),
                            "explanation", c.explanation().in(visit.language().locale()), "failed", c.failed()));
                }
                model.put("criteria", criteria);
            });
        }
        visit.render(200, "network", model);
    }

    /** This fiscal year's current assessment, or last year's while this year has none yet. */
    private Optional<Assessment> assessment(Visit visit, String id) {
        FiscalYear year = FiscalYear.of(LocalDate.now(THAILAND));
        for (FiscalYear y : List.of(year, year.previous())) {
            Optional<Assessment> current = tiering.assessments(visit.caller(), id, y).stream()
                    .filter(Assessment::current).findFirst();
            if (current.isPresent()) {
                return current;
            }
        }
        return Optional.empty();
    }

    private String area(Visit visit, Network n) {
        boolean thai = visit.language() == Language.TH;
        try {
            return switch (n.level()) {
                case SUBDISTRICT -> areas.subdistrict(SubdistrictCode.of(n.areaCode()))
                        .map(s -> thai ? s.nameTh() : s.nameEn()).orElse(n.areaCode());
                case DISTRICT -> areas.district(DistrictCode.of(n.areaCode()))
                        .map(d -> thai ? d.nameTh() : d.nameEn()).orElse(n.areaCode());
                case PROVINCE -> areas.province(ProvinceCode.of(n.areaCode()))
                        .map(p -> DashboardPage.name(visit, p)).orElse(n.areaCode());
                case NATIONAL -> visit.text("dashboard.country");
            };
        } catch (RuntimeException e) {
            return n.areaCode() == null ? "" : n.areaCode();
        }
    }

    private static String shownTier(String computed, String override) {
        return override == null || override.equals(computed) ? computed : override + " (" + computed + ")";
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static NetworkLevel level(Visit visit, String value) {
        try {
            return NetworkLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("level", new InvalidValueException("unknown-level",
                    visit.localized("networks.badLevel")));
        }
    }
}
