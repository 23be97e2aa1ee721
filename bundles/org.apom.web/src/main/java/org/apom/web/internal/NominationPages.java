package org.apom.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.ProblemException;
import org.apom.recognition.api.AwardCatalogue;
import org.apom.recognition.api.Dossiers;
import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationAction;
import org.apom.recognition.api.NominationQuery;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.api.NominationStep;
import org.apom.recognition.api.Nominations;
import org.apom.recognition.api.TransitionInput;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Reach;

/**
 * Nominations of a fiscal year: the list, a nomination with its history and the actions the signed-in role may take
 * on it now (the recognition service says which), and the Direkgunabhorn dossier to download.
 */
final class NominationPages {

    static final int PAGE_SIZE = 25;
    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<String> DONE = Set.of("submit", "endorse", "approve", "confer", "reject", "withdraw", "drafted");

    private final Nominations nominations;
    private final AwardCatalogue awards;
    private final Dossiers dossiers;
    private final VolunteerRegistry registry;

    NominationPages(Nominations nominations, AwardCatalogue awards, Dossiers dossiers, VolunteerRegistry registry) {
        this.nominations = nominations;
        this.awards = awards;
        this.dossiers = dossiers;
        this.registry = registry;
    }

    void list(Visit visit) throws IOException {
        FiscalYear year = year(visit);
        NominationStatus status = visit.param("status") == null ? null : status(visit, visit.param("status"));
        Page<Nomination> found = nominations.search(visit.caller(), new NominationQuery(year, null, status, null),
                ProblemException.parameter("after", visit.param("after"), after -> PageRequest.of(PAGE_SIZE, after)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Nomination n : found.items()) {
            rows.add(Map.of("id", n.id(), "award", award(visit, n.awardCode()), "volunteer",
                    RecordView.nameOrId(registry, visit, n.volunteerId()), "province", n.province().value(),
                    "status", n.status().name(), "statusText", visit.text("nomination.status." + n.status().name())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("year", year.buddhistYear());
        model.put("status", status == null ? "" : status.name());
        model.put("statuses", java.util.Arrays.stream(NominationStatus.values()).map(s -> Map.of("name", s.name(),
                "text", visit.text("nomination.status." + s.name()))).toList());
        model.put("next", found.nextCursor() == null ? "" : found.nextCursor());
        model.put("mayDownload", AccessPolicy.reach(visit.caller(), Action.RECOGNITION_READ) != Reach.NONE
                && AccessPolicy.reach(visit.caller(), Action.VOLUNTEERS_READ) != Reach.NONE
                && AccessPolicy.reach(visit.caller(), Action.NETWORKS_READ) != Reach.NONE);
        visit.render(200, "nominations", model);
    }

    void show(Visit visit, String id) throws IOException {
        show(visit, nominations.get(visit.caller(), id), 200, null, List.of());
    }

    /** Takes the action the person chose; a refusal (no comment, the quota, a state that moved on) shows on the page. */
    void transition(Visit visit, String id) throws IOException {
        String action = visit.param("action");
        long version = visit.version("version");
        try {
            nominations.transition(visit.caller(), id, new TransitionInput(action, visit.param("comment"),
                    visit.param("conferredOn"), visit.param("gazetteReference")), version);
        } catch (ProblemException e) {
            if (e.status() != 409 && e.status() != 412 && e.status() != 422) {
                throw e;
            }
            // moved on by someone else since this page was read: shown as it is now, nothing done
            show(visit, nominations.get(visit.caller(), id), e.status() == 412 ? 409 : e.status(),
                    e.status() == 412 ? visit.text("nomination.changedSince") : e.detail().in(visit.language()
                            .locale()), e.errors().stream().map(f -> f.message().in(visit.language().locale()))
                            .toList());
            return;
        }
        visit.redirect("/nominations/" + id + "?done=" + action.toLowerCase(Locale.ROOT));
    }

    /** The dossier, whole, as the API gives it. */
    void dossier(Visit visit) throws IOException {
        if ("HEAD".equals(visit.request().getMethod())) {
            // a dossier is costly and audited: only a real download makes one
            visit.response().setStatus(200);
            return;
        }
        boolean pdf = !"csv".equals(visit.param("format"));
        Dossiers.Dossier file = dossiers.build(visit.caller(), year(visit), null, null, pdf);
        visit.download(file.fileName(), file.contentType(), file.bytes());
    }

    private void show(Visit visit, Nomination n, int httpStatus, String problem, List<String> errors)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("id", n.id());
        model.put("version", n.version());
        model.put("award", award(visit, n.awardCode()));
        model.put("awardClass", n.awardClass() == null ? "" : n.awardClass());
        model.put("volunteerId", n.volunteerId());
        model.put("volunteer", RecordView.nameOrId(registry, visit, n.volunteerId()));
        model.put("year", FiscalYear.of(n.fiscalYear()).buddhistYear());
        model.put("status", n.status().name());
        model.put("statusText", visit.text("nomination.status." + n.status().name()));
        model.put("justification", n.justification() == null ? "" : n.justification());
        model.put("conferredOn", visit.formats().date(n.conferredOn()));
        model.put("gazette", n.gazetteReference() == null ? "" : n.gazetteReference());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (NominationStep step : n.history()) {
            steps.add(Map.of("action", step.action() == null ? "" : visit.text("nomination.action."
                    + step.action().name()), "to", visit.text("nomination.status." + step.to().name()),
                    "by", step.by(), "date", visit.formats().date(step.at().atZone(THAILAND).toLocalDate()),
                    "time", TIME.format(step.at().atZone(THAILAND)), "comment",
                    step.comment() == null ? "" : step.comment()));
        }
        model.put("steps", steps);
        model.put("actions", nominations.actions(visit.caller(), n).stream().map(a -> Map.of("id", a.id(),
                "text", visit.text("nomination.action." + a.name()),
                "needsComment", a == NominationAction.REJECT || a == NominationAction.WITHDRAW,
                "confers", a == NominationAction.CONFER)).toList());
        model.put("today", LocalDate.now(THAILAND).toString());
        String done = visit.param("done");
        model.put("done", done != null && DONE.contains(done) ? visit.text("nomination.done") : "");
        model.put("problem", problem == null ? "" : problem);
        model.put("errors", errors);
        visit.render(httpStatus, "nomination", model);
    }

    private String award(Visit visit, String code) {
        return awards.award(code).map(a -> a.name().in(visit.language().locale())).orElse(code);
    }

    private static FiscalYear year(Visit visit) {
        String year = visit.param("year");
        if (year == null) {
            return FiscalYear.of(LocalDate.now(THAILAND));
        }
        if (!year.matches("25[0-9]{2}")) {
            throw ProblemException.badParameter("year", new InvalidValueException("bad-year",
                    visit.localized("nominations.badYear")));
        }
        return FiscalYear.of(Integer.parseInt(year));
    }

    private static NominationStatus status(Visit visit, String value) {
        try {
            return NominationStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("status", new InvalidValueException("unknown-status",
                    visit.localized("volunteers.badStatus")));
        }
    }
}
