package org.apom.recognition.api;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The Direkgunabhorn dossier for the ministry's screening committee, as the API serves it and the workspace offers
 * it for download: CSV (one row per nominee) or PDF (a cover page, then a page per nominee, in Thai).
 *
 * @since 1.2
 */
@ProviderType
public interface Dossiers {

    /** A dossier made whole: what it is called when saved, its media type and its bytes. */
    record Dossier(String fileName, String contentType, byte[] bytes) {
    }

    /**
     * The nominations of the fiscal year a province endorsed (endorsed, approved, conferred), or those in
     * {@code status} when given, of one province or of all the caller may see. Only a few are made at once.
     *
     * @throws org.apom.core.api.problem.ProblemException 403 without recognition, register and networks reading
     *         rights; 503 {@code busy} (with Retry-After) while other dossiers are being made
     */
    Dossier build(Caller caller, FiscalYear fiscalYear, ProvinceCode province, NominationStatus status, boolean pdf);
}
