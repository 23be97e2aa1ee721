package org.apom.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.recognition.api.Award;
import org.apom.recognition.api.AwardCatalogue;
import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationInput;
import org.apom.recognition.api.Nominations;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Reach;

/**
 * A new nomination of a volunteer, from the record: the awards given in the record's province, the fiscal year, a
 * graded award's class (the volunteer's next when left out) and the justification. The recognition service checks
 * eligibility, the quota and every field; what it refuses is shown field by field on the same form.
 */
final class NominationDraftPage {

    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    private final Nominations nominations;
    private final AwardCatalogue awards;
    private final VolunteerRegistry registry;

    NominationDraftPage(Nominations nominations, AwardCatalogue awards, VolunteerRegistry registry) {
        this.nominations = nominations;
        this.awards = awards;
        this.registry = registry;
    }

    static boolean mayDraft(Visit visit) {
        return AccessPolicy.reach(visit.caller(), Action.NOMINATIONS_DRAFT) != Reach.NONE;
    }

    void form(Visit visit, String volunteerId) throws IOException {
        form(visit, volunteerId, 200, null, List.of(), Map.of());
    }

    void draft(Visit visit, String volunteerId) throws IOException {
        NominationInput input = new NominationInput(visit.param("award"), volunteerId, visit.param("year"),
                visit.param("awardClass"), visit.param("justification"));
        Nomination drafted;
        try {
            drafted = nominations.draft(visit.caller(), input);
        } catch (ProblemException e) {
            if (e.status() != 422 && e.status() != 409) {
                throw e;
            }
            Map<String, String> typed = new HashMap<>();
            typed.put("award", input.awardCode() == null ? "" : input.awardCode());
            typed.put("year", input.fiscalYear() == null ? "" : input.fiscalYear());
            typed.put("awardClass", input.awardClass() == null ? "" : input.awardClass());
            typed.put("justification", input.justification() == null ? "" : input.justification());
            form(visit, volunteerId, e.status(), e.detail().in(visit.language().locale()), e.errors(), typed);
            return;
        }
        visit.redirect("/nominations/" + drafted.id() + "?done=drafted");
    }

    private void form(Visit visit, String volunteerId, int status, String problem, List<FieldError> errors,
            Map<String, String> typed) throws IOException {
        if (!mayDraft(visit)) {
            throw AccessPolicy.forbidden(Action.NOMINATIONS_DRAFT);
        }
        Volunteer v = registry.get(visit.caller(), volunteerId);
        List<Map<String, Object>> offered = new ArrayList<>();
        for (Award a : awards.awards(visit.caller(), v.provinceCode())) {
            offered.add(Map.of("code", a.code(), "name", a.name().in(visit.language().locale()),
                    "classes", a.classes().stream().map(c -> Map.of("code", c.code(),
                            "name", c.name().in(visit.language().locale()))).toList()));
        }
        Map<String, String> fieldErrors = new HashMap<>();
        for (FieldError e : errors) {
            fieldErrors.merge(e.field() == null ? "" : e.field(), e.message().in(visit.language().locale()),
                    (a, b) -> a + " " + b);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("volunteerId", v.id());
        model.put("name", v.firstName() + " " + v.lastName());
        model.put("awards", offered);
        model.put("year", Integer.toString(FiscalYear.of(LocalDate.now(THAILAND)).buddhistYear()));
        model.put("typed", typed);
        model.put("problem", problem == null ? "" : problem);
        model.put("fieldErrors", fieldErrors);
        model.put("otherErrors", errors.stream().filter(e -> e.field() == null || !List.of("awardCode", "fiscalYear",
                "awardClass", "justification").contains(e.field())).map(e -> e.message().in(visit.language()
                        .locale())).toList());
        model.put("justificationMax", 4000);
        visit.render(status, "nomination-new", model);
    }
}
