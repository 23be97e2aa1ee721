package org.apom.recognition.internal.dossier;

import java.text.Collator;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apom.areas.api.AreaDirectory;
import org.apom.areas.api.Province;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ServiceRecord;
import org.apom.networks.api.ServiceRecords;
import org.apom.recognition.api.Award;
import org.apom.recognition.api.AwardClass;
import org.apom.recognition.api.Honour;
import org.apom.recognition.api.Honours;
import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationAction;
import org.apom.recognition.api.NominationQuery;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.api.NominationStep;
import org.apom.recognition.api.Nominations;
import org.apom.recognition.internal.Catalogue;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Gathers the Direkgunabhorn dossier: the nominations asked for, and for each nominee what the screening committee
 * weighs. Everything is read through the services that own it, with the caller's rights, so the register audits
 * each record read and masks what the caller may not see; the dossier itself is audited once, with what it held.
 */
@Component(service = DirekgunabhornDossier.class)
public final class DirekgunabhornDossier {

    /** The award the dossier is for. */
    public static final String AWARD = "DIREKGUNABHORN";

    /** Fiscal years of service shown, the nomination's own included. */
    static final int YEARS_SHOWN = 5;

    /** A dossier is read by a committee, page by page: a larger one is a query that should have been narrower. */
    static final int MAX_ENTRIES = 1000;

    private final Nominations nominations;
    private final VolunteerRegistry registry;
    private final ServiceRecords service;
    private final Honours honours;
    private final Catalogue catalogue;
    private final AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AreaDirectory areas;

    @Activate
    public DirekgunabhornDossier(@Reference Nominations nominations, @Reference VolunteerRegistry registry,
            @Reference ServiceRecords service, @Reference Honours honours, @Reference Catalogue catalogue,
            @Reference AuditTrail audit) {
        this.nominations = nominations;
        this.registry = registry;
        this.service = service;
        this.honours = honours;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /**
     * The dossier's entries, by province and then by name.
     *
     * @throws ProblemException 403 for a caller who may not read nominations, volunteers and networks, 422
     *         {@code dossier-too-large} past {@value #MAX_ENTRIES} nominees
     */
    public List<DossierEntry> entries(Caller caller, DossierQuery query) {
        // the dossier shows names and service: all three rights, checked before anything is read
        AccessPolicy.requireAny(caller, Action.RECOGNITION_READ);
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ);
        AccessPolicy.requireAny(caller, Action.NETWORKS_READ);
        List<Nomination> chosen = nominationsOf(caller, query);
        Award award = catalogue.award(AWARD).orElseThrow(() -> new ProblemException(503, "not-ready",
                LocalizedText.of("The award catalogue is still starting; try again in a moment.",
                        "ระบบรายการรางวัลกำลังเริ่มทำงาน กรุณาลองใหม่อีกครั้ง"), List.of()));
        List<DossierEntry> entries = new ArrayList<>(chosen.size());
        for (Nomination n : chosen) {
            entries.add(entryOf(caller, n, award));
        }
        Collator thai = Collator.getInstance(Locale.forLanguageTag("th"));
        entries.sort(Comparator.comparing((DossierEntry e) -> e.nomination().province().value())
                .thenComparing(DossierEntry::firstName, thai).thenComparing(DossierEntry::lastName, thai));
        audit.record(caller, "nomination.dossier", "nomination-dossier", AWARD + "-" + query.fiscalYear(),
                query.province(), null, Map.of("fiscalYear", query.fiscalYear().buddhistYear(), "province",
                        query.province() == null ? "" : query.province().value(), "statuses",
                        query.statuses().stream().map(Enum::name).sorted().toList(), "nominations",
                        entries.stream().map(e -> e.nomination().id()).toList()));
        return entries;
    }

    private List<Nomination> nominationsOf(Caller caller, DossierQuery query) {
        List<Nomination> chosen = new ArrayList<>();
        // one state at a time, in the query: every nomination read is one the dossier holds, so the cap bounds the work
        for (NominationStatus status : query.statuses()) {
            NominationQuery search = new NominationQuery(query.fiscalYear(), query.province(), status, AWARD);
            String cursor = null;
            do {
                Page<Nomination> page = nominations.search(caller, search, PageRequest.of(PageRequest.MAX_LIMIT,
                        cursor));
                chosen.addAll(page.items());
                if (chosen.size() > MAX_ENTRIES) {
                    throw new ProblemException(422, "dossier-too-large", LocalizedText.of("More than " + MAX_ENTRIES
                            + " nominees: ask for one province or one state at a time.", "มีผู้ได้รับการเสนอชื่อเกิน "
                            + MAX_ENTRIES + " คน กรุณาขอทีละจังหวัดหรือทีละสถานะ"), List.of());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return chosen;
    }

    private DossierEntry entryOf(Caller caller, Nomination n, Award award) {
        FiscalYear year = FiscalYear.of(n.fiscalYear());
        FiscalYear first = FiscalYear.of(Math.max(FiscalYear.MIN, n.fiscalYear() - YEARS_SHOWN + 1));
        Volunteer v;
        ServiceRecord record;
        try {
            v = registry.get(caller, n.volunteerId());
            record = service.of(caller, n.volunteerId(), first, year);
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            // moved since to a province out of the caller's reach: the nomination stays in, without the record
            return new DossierEntry(n, provinceName(n), null, "-", "-", null, 0, List.of(), List.of(), null, null,
                    nameOf(award, n.awardClass()), endorsementOf(n));
        }
        // the class held before this nomination: the highest of the award's classes among the volunteer's honours
        Honour previous = honours.of(caller, n.volunteerId()).stream()
                .filter(h -> AWARD.equals(h.awardCode()) && !n.id().equals(h.nominationId()) && rank(award, h) >= 0)
                .max(Comparator.comparingInt((Honour h) -> rank(award, h)).thenComparingInt(Honour::fiscalYear))
                .orElse(null);
        return new DossierEntry(n, provinceName(n), v.title(), v.firstName(), v.lastName(), v.registeredOn(),
                v.registeredOn() == null ? 0 : Math.max(0, ChronoUnit.YEARS.between(v.registeredOn(), year.end())),
                record.positions(), record.years(), previous, previous == null ? null : nameOf(award,
                        previous.awardClass()), nameOf(award, n.awardClass()), endorsementOf(n));
    }

    private static NominationStep endorsementOf(Nomination n) {
        return n.history().stream().filter(s -> s.action() == NominationAction.ENDORSE).reduce((a, b) -> b)
                .orElse(null);
    }

    private String provinceName(Nomination n) {
        AreaDirectory directory = areas;
        Optional<Province> province = directory == null ? Optional.empty() : directory.province(n.province());
        return province.map(Province::nameTh).orElse(n.province().value());
    }

    private static int rank(Award award, Honour h) {
        List<AwardClass> classes = award.classes();
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).code().equals(h.awardClass())) {
                return i;
            }
        }
        return -1;
    }

    private static LocalizedText nameOf(Award award, String classCode) {
        return award.classes().stream().filter(c -> c.code().equals(classCode)).map(AwardClass::name).findFirst()
                .orElse(classCode == null ? null : LocalizedText.of(classCode, classCode));
    }
}
