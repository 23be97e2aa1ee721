package org.apom.tiering.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the platform knows of a network for a fiscal year, gathered for all networks before any criterion runs, as
 * of the fiscal year's last day (or today, for the year under way). Getters may be added in minor versions.
 */
public final class NetworkFacts {

    private final LocalDate asOf;
    private final int members;
    private final int activeMembers;
    private final int verifiedMembers;
    private final int activities;
    private final int activeMonths;
    private final int participations;
    private final BigDecimal personHours;
    private final long beneficiaries;
    private final boolean committeeComplete;
    private final boolean committeeInTerm;
    private final boolean registeredOrganisation;

    private NetworkFacts(Builder b) {
        this.asOf = Objects.requireNonNull(b.asOf, "asOf");
        this.members = b.members;
        this.activeMembers = b.activeMembers;
        this.verifiedMembers = b.verifiedMembers;
        this.activities = b.activities;
        this.activeMonths = b.activeMonths;
        this.participations = b.participations;
        this.personHours = Objects.requireNonNull(b.personHours, "personHours");
        this.beneficiaries = b.beneficiaries;
        this.committeeComplete = b.committeeComplete;
        this.committeeInTerm = b.committeeInTerm;
        this.registeredOrganisation = b.registeredOrganisation;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The day membership, status, verification and committee are taken on. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Members on that day. */
    public int members() {
        return members;
    }

    /** Of the members, volunteers whose status is ACTIVE. */
    public int activeMembers() {
        return activeMembers;
    }

    /** Of the active members, those whose record was confirmed current within the 12 months up to that day. */
    public int verifiedMembers() {
        return verifiedMembers;
    }

    /** Activities of the fiscal year up to that day. */
    public int activities() {
        return activities;
    }

    /** Months of the fiscal year (of 12) with at least one activity. */
    public int activeMonths() {
        return activeMonths;
    }

    /** The activities' participants, each counted once per activity. */
    public int participations() {
        return participations;
    }

    /** Hours given: each activity's hours per participant times its participants. */
    public BigDecimal personHours() {
        return personHours;
    }

    /** People helped, summed over the activities. */
    public long beneficiaries() {
        return beneficiaries;
    }

    /** Whether the committee on that day seats a chair, a vice-chair, a secretary and a treasurer. */
    public boolean committeeComplete() {
        return committeeComplete;
    }

    /** Whether a committee's term covers that day. */
    public boolean committeeInTerm() {
        return committeeInTerm;
    }

    /** Whether the network is registered as a public-benefit or community welfare organisation. */
    public boolean registeredOrganisation() {
        return registeredOrganisation;
    }

    /** Builds facts; for the platform, and for a criterion's tests (every count 0 until set). */
    public static final class Builder {
        private LocalDate asOf = LocalDate.of(2026, 9, 30);
        private int members;
        private int activeMembers;
        private int verifiedMembers;
        private int activities;
        private int activeMonths;
        private int participations;
        private BigDecimal personHours = BigDecimal.ZERO;
        private long beneficiaries;
        private boolean committeeComplete;
        private boolean committeeInTerm;
        private boolean registeredOrganisation;

        public Builder asOf(LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        public Builder members(int members) {
            this.members = members;
            return this;
        }

        public Builder activeMembers(int activeMembers) {
            this.activeMembers = activeMembers;
            return this;
        }

        public Builder verifiedMembers(int verifiedMembers) {
            this.verifiedMembers = verifiedMembers;
            return this;
        }

        public Builder activities(int activities) {
            this.activities = activities;
            return this;
        }

        public Builder activeMonths(int activeMonths) {
            this.activeMonths = activeMonths;
            return this;
        }

        public Builder participations(int participations) {
            this.participations = participations;
            return this;
        }

        public Builder personHours(BigDecimal personHours) {
            this.personHours = personHours;
            return this;
        }

        public Builder beneficiaries(long beneficiaries) {
            this.beneficiaries = beneficiaries;
            return this;
        }

        public Builder committeeComplete(boolean committeeComplete) {
            this.committeeComplete = committeeComplete;
            return this;
        }

        public Builder committeeInTerm(boolean committeeInTerm) {
            this.committeeInTerm = committeeInTerm;
            return this;
        }

        public Builder registeredOrganisation(boolean registeredOrganisation) {
            this.registeredOrganisation = registeredOrganisation;
            return this;
        }

        public NetworkFacts build() {
            return new NetworkFacts(this);
        }
    }
}
