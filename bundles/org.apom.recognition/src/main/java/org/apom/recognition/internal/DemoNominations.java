package org.apom.recognition.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.networks.api.NetworkLevel;
import org.apom.networks.api.NetworkQuery;
import org.apom.networks.api.Networks;
import org.apom.recognition.api.Candidate;
import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationInput;
import org.apom.recognition.api.NominationQuery;
import org.apom.recognition.api.Nominations;
import org.apom.recognition.api.TransitionInput;
import org.apom.recognition.internal.Catalogue.Offered;
import org.apom.registry.api.VolunteerStandings;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo nominations for {@code ./apom run}: once the demo networks and their years of work are in, this fiscal year's
 * nominations of eligible volunteers for the provincial outstanding award, in every state of the workflow in each demo
 * province, so a newcomer sees the pipeline whole, and two endorsed for Direkgunabhorn, so the dossier has pages. Only when asked for ({@code demoData}), only on a database without
 * nominations, and through the same services as every caller, so each move is checked and audited.
 */
@Component(configurationPid = "org.apom.recognition", immediate = true)
public final class DemoNominations {

    static final Caller CALLER = Caller.system("demo-data");
    private static final List<String> PROVINCES = List.of("50", "40", "10", "90", "34");
    /** The moves that take a draft to each state, one nomination per state. */
    private static final List<List<String>> PATHS = List.of(List.of(), List.of("submit"), List.of("submit", "endorse"),
            List.of("submit", "endorse", "approve"), List.of("submit", "endorse", "approve", "confer"),
            List.of("submit", "reject"), List.of("withdraw"));
    /** Two Direkgunabhorn nominations a province endorsed, so the screening committee's dossier has pages. */
    private static final List<List<String>> ENDORSED_TWICE = List.of(List.of("submit", "endorse"),
            List.of("submit", "endorse"));
    private static final Logger LOG = LoggerFactory.getLogger(DemoNominations.class);

    private final Nominations nominations;
    private final JpaEligibility eligibility;
    private final Catalogue catalogue;
    private final RecognitionSettings settings;
    private final Networks networks;
    private final VolunteerStandings standings;
    private final Thread loader;

    @Activate
    public DemoNominations(@Reference Nominations nominations, @Reference JpaEligibility eligibility,
            @Reference Catalogue catalogue, @Reference RecognitionSettings settings, @Reference Networks networks,
            @Reference VolunteerStandings standings, RecognitionConfig config) {
        this.nominations = nominations;
        this.eligibility = eligibility;
        this.catalogue = catalogue;
        this.settings = settings;
        this.networks = networks;
        this.standings = standings;
        this.loader = new Thread(this::loadWhenTheNetworksAreIn, "apom-demo-nominations");
        if (config.demoData()) {
            loader.start();
        }
    }

    @Deactivate
    void deactivate() {
        loader.interrupt();
    }

    private void loadWhenTheNetworksAreIn() {
        try {
            FiscalYear year = FiscalYear.of(LocalDate.now(ZoneId.of("Asia/Bangkok")));
            if (!nominations.search(CALLER, new NominationQuery(null, null, null, null), PageRequest.of(1, null))
                    .items().isEmpty()) {
                return;
            }
            // the demo networks load in the background, the national one last: wait until it is there and still
            if (!networksSettled()) {
                LOG.info("No demo networks, so no demo nominations");
                return;
            }
            int made = load(year);
            LOG.info("Loaded {} demo nominations of fiscal year {}", made, year);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The demo nominations could not be loaded: {}", e.getMessage(), e);
        }
    }

    private boolean networksSettled() throws InterruptedException {
        NetworkQuery national = new NetworkQuery(null, NetworkLevel.NATIONAL, null, null);
        for (int i = 0; i < 600; i++) {
            if (!networks.search(CALLER, national, PageRequest.of(1, null)).items().isEmpty()) {
                // the national network's members and activities follow its creation: give them time to go in
                Thread.sleep(20_000);
                return true;
            }
            Thread.sleep(2_000);
        }
        return false;
    }

    int load(FiscalYear year) throws InterruptedException {
        return load(CoreAwards.OUTSTANDING_PROVINCIAL, PATHS, year)
                + load(CoreAwards.DIREKGUNABHORN, ENDORSED_TWICE, year);
    }

    private int load(String code, List<List<String>> paths, FiscalYear year) throws InterruptedException {
        Offered award = catalogue.find(code).orElse(null);
        if (award == null) {
            return 0;
        }
        int made = 0;
        for (String p : PROVINCES) {
            List<String> eligible = eligible(ProvinceCode.of(p), award, year, paths.size());
            for (int i = 0; i < eligible.size(); i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                Nomination n = nominations.draft(CALLER, new NominationInput(award.award().code(), eligible.get(i),
                        year.toString(), null, "ทำงานเพื่อชุมชนต่อเนื่องทุกปี เยี่ยมบ้านผู้สูงอายุและคนพิการเป็นประจำ"));
                for (String action : paths.get(i)) {
                    nominations.transition(CALLER, n.id(), new TransitionInput(action, comment(action), null, null));
                }
                made++;
            }
        }
        return made;
    }

    /** Up to {@code wanted} active volunteers of the province who are eligible for the award, in id order. */
    private List<String> eligible(ProvinceCode province, Offered award, FiscalYear year, int wanted) {
        List<String> ids = new ArrayList<>();
        standings.forEachActive(CALLER, province, year.start(), year.end(), (id, verified) -> ids.add(id));
        List<String> found = new ArrayList<>();
        AwardRules rules = settings.rules();
        for (String id : ids) {
            if (found.size() >= wanted) {
                break;
            }
            Candidate c = eligibility.candidate(CALLER, id, year);
            if (eligibility.weigh(award, rules, c, false).eligible()) {
                found.add(id);
            }
        }
        return found;
    }

    private static String comment(String action) {
        return switch (action) {
            case "reject" -> "ผลงานยังไม่โดดเด่นพอในรอบนี้";
            case "withdraw" -> "อาสาสมัครขอถอนชื่อ";
            case "confer" -> "มอบในวัน อพม. 3 ตุลาคม";
            default -> "ผ่านการพิจารณา";
        };
    }
}
