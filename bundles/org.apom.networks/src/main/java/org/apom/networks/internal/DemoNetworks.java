package org.apom.networks.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ActivityInput;
import org.apom.networks.api.CommitteeInput;
import org.apom.networks.api.Network;
import org.apom.networks.api.NetworkActivities;
import org.apom.networks.api.NetworkCommittees;
import org.apom.networks.api.NetworkInput;
import org.apom.networks.api.NetworkMembers;
import org.apom.networks.api.NetworkQuery;
import org.apom.networks.api.Networks;
import org.apom.registry.api.VolunteerStanding;
import org.apom.registry.api.VolunteerStandings;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo networks for {@code ./apom run}: once the demo register is in, a network at every level in each demo province
 * and one national network, with members who live there, committees (some out of term), and the activities of two
 * fiscal years (four for the busy ones), from busy networks to idle ones, so a newcomer sees every tier. Only when asked for
 * ({@code demoData}), only on a database without networks, and through the same services as every caller, so each
 * write is checked, audited and in the change feed.
 */
@Component(configurationPid = "org.apom.networks", immediate = true)
@Designate(ocd = NetworksConfig.class)
public final class DemoNetworks {

    static final Caller CALLER = Caller.system("demo-data");
    private static final List<String> PROVINCES = List.of("50", "40", "10", "90", "34");
    private static final List<String> KINDS = List.of("HOME_VISIT", "ELDERLY_CARE", "DISABILITY_SUPPORT",
            "CHILD_PROTECTION", "WELFARE_FUND", "TRAINING", "MEETING");
    private static final Logger LOG = LoggerFactory.getLogger(DemoNetworks.class);

    private final Networks networks;
    private final NetworkMembers members;
    private final NetworkCommittees committees;
    private final NetworkActivities activities;
    private final VolunteerStandings standings;
    private final AreaDirectory areas;
    private final Thread loader;

    @Activate
    public DemoNetworks(@Reference Networks networks, @Reference NetworkMembers members,
            @Reference NetworkCommittees committees, @Reference NetworkActivities activities,
            @Reference VolunteerStandings standings, @Reference AreaDirectory areas, NetworksConfig config) {
        this.networks = networks;
        this.members = members;
        this.committees = committees;
        this.activities = activities;
        this.standings = standings;
        this.areas = areas;
        this.loader = new Thread(this::loadWhenTheRegisterIsIn, "apom-demo-networks");
        if (config.demoData()) {
            loader.start();
        }
    }

    @Deactivate
    void deactivate() {
        loader.interrupt();
    }

    private void loadWhenTheRegisterIsIn() {
        try {
            if (!networks.search(CALLER, NetworkQuery.all(), PageRequest.of(1, null)).items().isEmpty()) {
                return;
            }
            // the register loads its demo records in the background too: wait until their number stops growing
            int last = -1;
            for (int i = 0; i < 300; i++) {
                int now = count();
                if (now > 0 && now == last) {
                    break;
                }
                last = now;
                Thread.sleep(2_000);
            }
            if (last <= 0) {
                LOG.info("No demo register, so no demo networks");
                return;
            }
            int made = load(LocalDate.now(NetworkAccess.THAILAND));
            LOG.info("Loaded {} demo networks with their members, committees and activities", made);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The demo networks could not be loaded: {}", e.getMessage(), e);
        }
    }

    private int count() {
        AtomicInteger n = new AtomicInteger();
        standings.forEach(CALLER, null, s -> n.incrementAndGet());
        return n.get();
    }

    int load(LocalDate today) throws InterruptedException {
        Random random = new Random(2569);
        List<VolunteerStanding> everyone = new ArrayList<>();
        standings.forEach(CALLER, null, s -> {
            if (s.status() == VolunteerStatus.ACTIVE && s.mergedInto() == null) {
                everyone.add(s);
            }
        });
        int made = 0;
        int profile = 0;
        for (String p : PROVINCES) {
            ProvinceCode province = ProvinceCode.of(p);
            List<VolunteerStanding> here = everyone.stream().filter(s -> s.provinceCode().equals(province)).toList();
            if (here.isEmpty()) {
                continue;
            }
            String name = areas.province(province).map(x -> x.nameTh()).orElse(p);
            made += network(new NetworkInput("เครือข่าย อพม. จังหวัด" + name, "PROVINCE", p, "1/1/2560"),
                    sample(here, 40, random), profile++, today, random);
            for (String district : busiest(here, s -> s.subdistrictCode().district().value(), 2)) {
                String districtName = areas.district(DistrictCode.of(district)).map(x -> x.nameTh()).orElse(district);
                // Bangkok's districts are เขต (their names say so) and its subdistricts แขวง
                made += network(new NetworkInput("เครือข่าย อพม. " + (p.equals("10") ? "" : "อำเภอ") + districtName,
                        "DISTRICT", district,
                        "1/1/2561"), sample(here.stream().filter(s -> s.subdistrictCode().value().startsWith(district))
                                .toList(), 60, random), profile++, today, random);
            }
            for (String sub : busiest(here, s -> s.subdistrictCode().value(), 3)) {
                String subName = areas.subdistrict(SubdistrictCode.of(sub)).map(x -> x.nameTh()).orElse(sub);
                made += network(new NetworkInput("เครือข่าย อพม. " + (p.equals("10") ? "แขวง" : "ตำบล") + subName,
                        "SUBDISTRICT", sub, "1/6/2562"),
                        here.stream().filter(s -> s.subdistrictCode().value().equals(sub)).toList(), profile++, today,
                        random);
            }
        }
        made += network(new NetworkInput("เครือข่าย อพม. ระดับชาติ", "NATIONAL", null, "1/1/2559"),
                sample(everyone, 30, random), 0, today, random);
        return made;
    }

    /**
     * One network: its members, a committee (out of term for some), and its activities of the last fiscal year and
     * this one so far; how busy it is goes by {@code profile}: 0 busy, 1 steady, 2 idle.
     */
    private int network(NetworkInput input, List<VolunteerStanding> people, int profile, LocalDate today,
            Random random) throws InterruptedException {
        if (people.size() < 4) {
            return 0;
        }
        Network n = networks.create(CALLER, input);
        List<String> ids = new ArrayList<>();
        for (VolunteerStanding v : people) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            members.join(CALLER, n.id(), v.id(), LocalDate.of(2020, 1 + random.nextInt(12), 1).toString());
            ids.add(v.id());
        }
        int busy = profile % 3;
        List<CommitteeInput.Seat> seats = new ArrayList<>(List.of(new CommitteeInput.Seat(ids.get(0), "CHAIR"),
                new CommitteeInput.Seat(ids.get(1), "VICE_CHAIR"), new CommitteeInput.Seat(ids.get(2), "SECRETARY"),
                new CommitteeInput.Seat(ids.get(3), "TREASURER")));
        boolean inTerm = busy != 2;
        committees.appoint(CALLER, n.id(), new CommitteeInput(inTerm ? "2024-01-01" : "2019-01-01",
                inTerm ? "2027-12-31" : "2022-12-31", busy == 1 ? seats.subList(0, 2) : seats), Preconditions.ANY);
        FiscalYear current = FiscalYear.of(today);
        // busy networks have worked for years: their members are who the demo nominations are for, and recognition
        // asks for an activity in each of the three fiscal years before the nomination's
        List<FiscalYear> years = busy == 0
                ? List.of(current.previous().previous().previous(), current.previous().previous(), current.previous(),
                        current)
                : List.of(current.previous(), current);
        for (FiscalYear year : years) {
            for (LocalDate month = year.start(); !month.isAfter(year.end()) && month.isBefore(today);
                    month = month.plusMonths(1)) {
                int perMonth = busy == 0 ? 2 : busy == 1 ? (random.nextInt(3) == 0 ? 0 : 1) : (random.nextInt(4) == 0 ? 1 : 0);
                for (int a = 0; a < perMonth; a++) {
                    LocalDate day = month.plusDays(random.nextInt(28));
                    if (!day.isBefore(today)) {
                        continue;
                    }
                    String kind = KINDS.get(random.nextInt(KINDS.size()));
                    double share = busy == 0 ? 0.7 : busy == 1 ? 0.35 : 0.15;
                    List<String> participants = ids.stream().filter(x -> random.nextDouble() < share).toList();
                    if (participants.isEmpty()) {
                        participants = List.of(ids.get(random.nextInt(ids.size())));
                    }
                    try {
                        activities.record(CALLER, n.id(), new ActivityInput(day.toString(), kind, title(kind, day),
                                participants, Integer.toString(busy == 0 ? 10 + random.nextInt(40) : random.nextInt(10)),
                                busy == 0 ? "3" : "1.5"));
                    } catch (ProblemException duplicate) {
                        // two activities of a kind drawn for one day: the second is the same activity, left out
                    }
                }
            }
        }
        return 1;
    }

    private static String title(String kind, LocalDate day) {
        String what = switch (kind) {
            case "HOME_VISIT" -> "เยี่ยมบ้านผู้สูงอายุและผู้ป่วยติดเตียง";
            case "ELDERLY_CARE" -> "กิจกรรมดูแลผู้สูงอายุในชุมชน";
            case "DISABILITY_SUPPORT" -> "ช่วยเหลือคนพิการยื่นขอเบี้ยความพิการ";
            case "CHILD_PROTECTION" -> "เฝ้าระวังและคุ้มครองเด็กในชุมชน";
            case "WELFARE_FUND" -> "ประชุมกองทุนสวัสดิการชุมชน";
            case "TRAINING" -> "อบรมพัฒนาศักยภาพ อพม.";
            default -> "ประชุมประจำเดือนเครือข่าย";
        };
        return what + " " + day.getDayOfMonth() + "/" + day.getMonthValue();
    }

    private static List<String> busiest(List<VolunteerStanding> people,
            java.util.function.Function<VolunteerStanding, String> area, int n) {
        Map<String, Integer> counts = new HashMap<>();
        people.forEach(p -> counts.merge(area.apply(p), 1, Integer::sum));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).limit(n).map(Map.Entry::getKey).toList();
    }

    private static List<VolunteerStanding> sample(List<VolunteerStanding> people, int n, Random random) {
        List<VolunteerStanding> copy = new ArrayList<>(people);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }
}
