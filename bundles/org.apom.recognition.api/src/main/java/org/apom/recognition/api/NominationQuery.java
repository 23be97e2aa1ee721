package org.apom.recognition.api;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;

/** Which nominations to list; {@code null} fields do not filter. */
public record NominationQuery(FiscalYear fiscalYear, ProvinceCode province, NominationStatus status,
        String awardCode) {
}
