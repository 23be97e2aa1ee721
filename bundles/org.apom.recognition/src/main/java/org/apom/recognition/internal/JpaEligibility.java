package org.apom.recognition.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ServiceRecord;
import org.apom.networks.api.ServiceRecords;
import org.apom.networks.api.ServiceYear;
import org.apom.recognition.api.Award;
import org.apom.recognition.api.Candidate;
import org.apom.recognition.api.Eligibility;
import org.apom.recognition.api.EligibilityCheck;
import org.apom.recognition.api.Honour;
import org.apom.recognition.api.Reason;
import org.apom.recognition.internal.Catalogue.Offered;
import org.apom.recognition.internal.jpa.HonourEntity;
import org.apom.registry.api.VolunteerStanding;
import org.apom.registry.api.VolunteerStandings;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weighs a volunteer for the awards given in their province: gathers what the register and the networks know of them
 * (read as the platform: {@code recognition:read} is what the caller needs, not the right to browse networks), the
 * honours and open nominations, then applies the configured rules and each award's program.
 */
@Component(service = {EligibilityCheck.class, JpaEligibility.class})
public final class JpaEligibility implements EligibilityCheck {

    /** How far back the service record is read: beyond any continuity a regulation asks for. */
    static final int YEARS_READ = 10;
    static final int MAX_REASON = 500;
    static final int PROGRAM_THREADS = 32;
    /** Checks of one extension's program running at once. */
    static final int PER_SOURCE = 2;
    static final int MAX_REASONS = 20;
    private static final Caller PLATFORM = Caller.system("recognition");
    private static final Reason NOT_CHECKED = Reason.of(Reason.NOT_CHECKED, LocalizedText.of("The province's rules "
            + "for this award could not be checked now; try again later.",
            "ตรวจสอบเกณฑ์ของจังหวัดสำหรับรางวัลนี้ไม่ได้ในขณะนี้ โปรดลองใหม่ภายหลัง"));
    private static final Logger LOG = LoggerFactory.getLogger(JpaEligibility.class);

    private final JpaTemplate jpa;
    private final Catalogue catalogue;
    private final RecognitionSettings settings;
    private final VolunteerStandings standings;
    private final ServiceRecords service;
    private final ExecutorService programs;
    private final Map<String, Semaphore> running = new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public JpaEligibility(@Reference(target = "(osgi.unit.name=apom-recognition)") JpaTemplate jpa,
            @Reference RecognitionSchema schema, @Reference Catalogue catalogue,
            @Reference RecognitionSettings settings, @Reference VolunteerStandings standings,
            @Reference ServiceRecords service) {
        this.jpa = jpa;
        this.catalogue = catalogue;
        this.settings = settings;
        this.standings = standings;
        this.service = service;
        // bounded: a province's program that hangs and ignores interruption holds a thread each time it is called, so
        // at most PER_SOURCE of its own and PROGRAM_THREADS in all are ever held; beyond them a check is answered
        // NOT_CHECKED at once
        this.programs = new ThreadPoolExecutor(0, PROGRAM_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "apom-award-program");
                    t.setDaemon(true);
                    return t;
                });
    }

    @Deactivate
    void deactivate() {
        programs.shutdownNow();
    }

    @Override
    public List<Eligibility> of(Caller caller, String volunteerId, FiscalYear fiscalYear) {
        Candidate candidate = candidate(caller, volunteerId, fiscalYear);
        // the reasons tell of the record (its status, when it was registered, the years without an activity): for
        // those who may read the record too
        if (!AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, candidate.province())) {
            throw notFound();
        }
        Map<String, Set<Integer>> open = openNominations(volunteerId, null);
        AwardRules rules = settings.rules();
        List<Eligibility> answer = new ArrayList<>();
        for (Offered award : catalogue.givenIn(candidate.province())) {
            answer.add(weigh(award, rules, candidate, pending(award.award(), rules, fiscalYear, open)));
        }
        return answer;
    }

    /**
     * What the platform knows of the volunteer for the year, for a caller who may read recognition in the
     * volunteer's province.
     *
     * @throws ProblemException 404 for a volunteer there is none of, or the caller may not read
     */
    Candidate candidate(Caller caller, String volunteerId, FiscalYear fiscalYear) {
        VolunteerStanding standing = standing(caller, volunteerId);
        int back = Math.min(AwardRules.MAX_YEARS, Math.max(YEARS_READ, settings.rules().longestContinuity()));
        ServiceRecord record = service.of(PLATFORM, volunteerId,
                FiscalYear.of(Math.max(FiscalYear.MIN, fiscalYear.buddhistYear() - back)), fiscalYear);
        // a record merged into another is the same person under the other record: not one to honour
        VolunteerStatus status = standing.mergedInto() != null && standing.status() == VolunteerStatus.ACTIVE
                ? VolunteerStatus.RESIGNED : standing.status();
        Candidate.Builder c = Candidate.builder(volunteerId, standing.provinceCode(), fiscalYear).status(status)
                .registeredOn(standing.registeredOn());
        for (ServiceYear y : record.years()) {
            c.activities(y.fiscalYear(), y.activities());
        }
        honours(volunteerId).forEach(c::honour);
        return c.build();
    }

    /**
     * The volunteer's standing, for a caller who may read recognition in the volunteer's province.
     *
     * @throws ProblemException 404 for a volunteer there is none of, or the caller may not read
     */
    VolunteerStanding standing(Caller caller, String volunteerId) {
        AccessPolicy.requireAny(caller, Action.RECOGNITION_READ);
        VolunteerStanding standing = volunteerId == null || volunteerId.length() > 40 ? null
                : standings.of(PLATFORM, List.of(volunteerId)).get(volunteerId);
        if (standing == null || !AccessPolicy.allows(caller, Action.RECOGNITION_READ, standing.provinceCode())) {
            throw notFound();
        }
        return standing;
    }

    /** The platform's rules and the award's program, for one award. */
    Eligibility weigh(Offered award, AwardRules rules, Candidate candidate, boolean pending) {
        return EligibilityRules.weigh(award.award(), rules, candidate, pending, programReasons(award, candidate,
                rules));
    }

    List<Honour> honours(String volunteerId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT h FROM HonourEntity h WHERE "
                + "h.volunteerId = :v ORDER BY h.conferredOn, h.id", HonourEntity.class).setParameter("v", volunteerId)
                .getResultList().stream().map(HonourEntity::toHonour).toList());
    }

    /**
     * The fiscal years of each award in which the volunteer has an open nomination, leaving out the one of
     * {@code except} (a nomination weighed again at its submission).
     */
    Map<String, Set<Integer>> openNominations(String volunteerId, String except) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Set<Integer>> open = new HashMap<>();
            for (Object[] n : em.createQuery("SELECT n.awardCode, n.fiscalYear, n.id FROM NominationEntity n WHERE "
                    + "n.volunteerId = :v AND n.status IN ('DRAFT', 'SUBMITTED', 'ENDORSED', 'APPROVED')",
                    Object[].class)
                    .setParameter("v", volunteerId).getResultList()) {
                if (!n[2].equals(except)) {
                    open.computeIfAbsent((String) n[0], k -> new HashSet<>()).add(((Number) n[1]).intValue());
                }
            }
            return open;
        });
    }

    /**
     * Whether an open nomination stands in the way: of the same year; or of any year for an award held once in a life
     * or a graded one, which two nominations in two years would otherwise both confer.
     */
    static boolean pending(Award award, AwardRules rules, FiscalYear year, Map<String, Set<Integer>> open) {
        Set<Integer> years = open.getOrDefault(award.code(), Set.of());
        return award.graded() || rules.holdOnce(award.code()) ? !years.isEmpty()
                : years.contains(year.buddhistYear());
    }

    private List<Reason> programReasons(Offered award, Candidate candidate, AwardRules rules) {
        String code = award.award().code();
        if (!award.contained()) {
            return award.program().check(code, candidate);
        }
        // a province's program runs on a worker with a time limit, and holds at most PER_SOURCE of them: one that
        // hangs, throws or answers without end costs its own province's awards only
        Semaphore own = running.computeIfAbsent(award.award().source(), s -> new Semaphore(PER_SOURCE));
        if (!own.tryAcquire()) {
            LOG.warn("{} checks of {} are running already; {} is not checked now", PER_SOURCE,
                    award.award().source(), code);
            return List.of(NOT_CHECKED);
        }
        // the permit goes back once: by the check when it ran, or here when it was cancelled before it began
        AtomicBoolean released = new AtomicBoolean();
        AtomicBoolean began = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                own.release();
            }
        };
        Future<List<Reason>> answer;
        try {
            answer = programs.submit(() -> {
                began.set(true);
                try {
                    List<Reason> reasons = award.program().check(code, candidate);
                    return reasons == null ? List.<Reason>of() : reasons.stream().limit(MAX_REASONS)
                            .filter(r -> r != null).map(JpaEligibility::bounded).toList();
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException busy) {
            release.run();
            LOG.warn("Every thread for provinces' award programs is taken; {} is not checked now", code);
            return List.of(NOT_CHECKED);
        }
        try {
            return answer.get(rules.programTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            cancel(answer, began, release);
            LOG.warn("The program of {} could not check {}: {}", award.award().source(), code, e.toString());
            return List.of(NOT_CHECKED);
        } catch (InterruptedException e) {
            cancel(answer, began, release);
            Thread.currentThread().interrupt();
            return List.of(NOT_CHECKED);
        }
    }

    /** Cancels a check; one cancelled before it began never runs, so its permit is given back here. */
    private static void cancel(Future<?> answer, AtomicBoolean began, Runnable release) {
        answer.cancel(true);
        if (!began.get()) {
            release.run();
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("not-found", LocalizedText.of("There is no such volunteer.",
                "ไม่พบอาสาสมัครที่ระบุ"));
    }

    /** A province's reason as the platform answers it: a code of the usual form, a sentence of bounded length. */
    private static Reason bounded(Reason r) {
        String code = r.code().matches(Catalogue.CODE) ? r.code() : "PROVINCIAL_RULE";
        return Reason.of(code, LocalizedText.of(cut(r.text().en()), cut(r.text().th())));
    }

    private static String cut(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }
}
