package org.apom.recognition.internal.dossier;

import java.util.EnumSet;
import java.util.Set;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;
import org.apom.recognition.api.NominationStatus;

/**
 * Which nominations a dossier holds: one fiscal year, one province or all the caller may read, and the nominations
 * in one state or, by default, every one a province has endorsed (endorsed, approved, conferred).
 */
public record DossierQuery(FiscalYear fiscalYear, ProvinceCode province, Set<NominationStatus> statuses) {

    public static final Set<NominationStatus> ENDORSED_BY_A_PROVINCE = EnumSet.of(NominationStatus.ENDORSED,
            NominationStatus.APPROVED, NominationStatus.CONFERRED);

    public DossierQuery {
        statuses = Set.copyOf(statuses);
    }

    public static DossierQuery of(FiscalYear fiscalYear, ProvinceCode province, NominationStatus status) {
        return new DossierQuery(fiscalYear, province, status == null ? ENDORSED_BY_A_PROVINCE : Set.of(status));
    }
}
