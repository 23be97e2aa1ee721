package org.apom.registry.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The standing of many records at once, for the parts of the platform that refer to volunteers by id. It holds no
 * personal data, so reading it is not a read of personal data for the audit trail.
 *
 * @since 1.4
 */
@ProviderType
public interface VolunteerStandings {

    /**
     * The standing of each record of {@code ids} the caller may read ({@code volunteers:read}); a record that does not
     * exist, or that the caller may not read, is absent from the answer.
     */
    Map<String, VolunteerStanding> of(Caller caller, Collection<String> ids);

    /**
     * The records of the national IDs, for those who hold lists of people by their IDs (a network's activities in a
     * spreadsheet). Finding a record by a national ID is a read of personal data: only records whose province the
     * caller may read personal data of ({@code personal-data:read}) are answered, and each one found is audited
     * ({@code volunteer.lookup}).
     */
    Map<NationalId, VolunteerStanding> ofNationalIds(Caller caller, Collection<NationalId> nationalIds);

    /**
     * Every record of the province ({@code null}: every province the caller may read), in id order, a page at a time,
     * for work over a whole register (a fiscal year's facts, demo data): one pass over the table, however large.
     */
    void forEach(Caller caller, ProvinceCode province, Consumer<VolunteerStanding> consumer);

    /**
     * The active records ({@link VolunteerStatus#ACTIVE}, not merged into another) of the province ({@code null}: every
     * province the caller may read), in id order, each with whether it was last verified after {@code verifiedAfter}
     * and on or before {@code asOf}: what counts over a whole register need (a fiscal year's facts), and nothing else.
     * The platform reads it in SQL; this default, from {@link #forEach}, is what it answers.
     *
     * @since 1.5
     */
    default void forEachActive(Caller caller, ProvinceCode province, LocalDate verifiedAfter, LocalDate asOf,
            BiConsumer<String, Boolean> consumer) {
        forEach(caller, province, s -> {
            if (s.status() == VolunteerStatus.ACTIVE && s.mergedInto() == null) {
                consumer.accept(s.id(), s.lastVerifiedOn() != null && s.lastVerifiedOn().isAfter(verifiedAfter)
                        && !s.lastVerifiedOn().isAfter(asOf));
            }
        });
    }
}
