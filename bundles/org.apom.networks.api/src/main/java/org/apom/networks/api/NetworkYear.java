package org.apom.networks.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apom.core.api.ProvinceCode;

/**
 * One network's raw facts for a fiscal year, as of its last day (or today, for the year under way): what grading
 * reads. Gathered for every network at once ({@link NetworkYearFacts}).
 *
 * @param asOf the day membership, status, verification and committee are taken on
 * @param members members on that day
 * @param activeMembers of them, volunteers whose status is {@code ACTIVE}
 * @param verifiedMembers of the active ones, those confirmed current within the 12 months up to that day
 * @param activities activities of the fiscal year up to that day
 * @param activeMonths months of the fiscal year with at least one activity
 * @param participations the activities' participants, counted once per activity
 * @param personHours hours given: each activity's hours times its participants
 * @param beneficiaries people helped, summed over the activities
 * @param committeeComplete whether the committee on that day has a chair, vice-chair, secretary and treasurer
 * @param committeeInTerm whether a committee's term covers that day
 */
public record NetworkYear(String networkId, String name, NetworkLevel level, String areaCode, ProvinceCode province,
        LocalDate foundedOn, LocalDate asOf, int members, int activeMembers, int verifiedMembers, int activities,
        int activeMonths, int participations, BigDecimal personHours, long beneficiaries, boolean committeeComplete,
        boolean committeeInTerm) {
}
