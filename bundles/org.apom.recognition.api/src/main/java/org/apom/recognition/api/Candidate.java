package org.apom.recognition.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.VolunteerStatus;

/**
 * What the platform knows of a volunteer when it weighs them for an award in a fiscal year, without personal data:
 * their standing in the register, the activities they took part in year by year, and the honours they hold.
 */
public final class Candidate {

    private final String volunteerId;
    private final ProvinceCode province;
    private final VolunteerStatus status;
    private final LocalDate registeredOn;
    private final FiscalYear fiscalYear;
    private final Map<Integer, Integer> activitiesByYear;
    private final List<Honour> honours;

    private Candidate(Builder b) {
        this.volunteerId = Objects.requireNonNull(b.volunteerId, "volunteerId");
        this.province = Objects.requireNonNull(b.province, "province");
        this.status = Objects.requireNonNull(b.status, "status");
        this.registeredOn = Objects.requireNonNull(b.registeredOn, "registeredOn");
        this.fiscalYear = Objects.requireNonNull(b.fiscalYear, "fiscalYear");
        this.activitiesByYear = Map.copyOf(b.activitiesByYear);
        this.honours = List.copyOf(b.honours);
    }

    /** A builder with the defaults of an active volunteer registered today, without activities or honours. */
    public static Builder builder(String volunteerId, ProvinceCode province, FiscalYear fiscalYear) {
        return new Builder(volunteerId, province, fiscalYear);
    }

    public String volunteerId() {
        return volunteerId;
    }

    public ProvinceCode province() {
        return province;
    }

    /** {@link VolunteerStatus#ACTIVE} only for a record that is active and not merged into another. */
    public VolunteerStatus status() {
        return status;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    /** The fiscal year of the nomination being weighed. */
    public FiscalYear fiscalYear() {
        return fiscalYear;
    }

    /**
     * The activities the volunteer took part in, by Buddhist-era fiscal year, for the years before and including the
     * nomination's (at least the last ten); a year absent had none.
     */
    public int activitiesIn(int buddhistFiscalYear) {
        return activitiesByYear.getOrDefault(buddhistFiscalYear, 0);
    }

    /** The honours the volunteer holds, earliest conferred first. */
    public List<Honour> honours() {
        return honours;
    }

    /** Builds a candidate; used by the platform and by tests of a province's program. */
    public static final class Builder {
        private final String volunteerId;
        private final ProvinceCode province;
        private final FiscalYear fiscalYear;
        private VolunteerStatus status = VolunteerStatus.ACTIVE;
        private LocalDate registeredOn = LocalDate.now();
        private final Map<Integer, Integer> activitiesByYear = new TreeMap<>();
        private final List<Honour> honours = new ArrayList<>();

        private Builder(String volunteerId, ProvinceCode province, FiscalYear fiscalYear) {
            this.volunteerId = volunteerId;
            this.province = province;
            this.fiscalYear = fiscalYear;
        }

        public Builder status(VolunteerStatus status) {
            this.status = status;
            return this;
        }

        public Builder registeredOn(LocalDate day) {
            this.registeredOn = day;
            return this;
        }

        public Builder activities(int buddhistFiscalYear, int count) {
            activitiesByYear.put(buddhistFiscalYear, count);
            return this;
        }

        public Builder honour(Honour honour) {
            honours.add(Objects.requireNonNull(honour, "honour"));
            return this;
        }

        public Candidate build() {
            return new Candidate(this);
        }
    }
}
