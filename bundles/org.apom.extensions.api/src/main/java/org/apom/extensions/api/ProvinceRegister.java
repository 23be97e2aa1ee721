package org.apom.extensions.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The register as an extension sees it: the records of the extension's own province only (the province it was
 * installed for), read as the person whose request the extension serves, so that their rights mask, scope and
 * audit what it reads. Each extension bundle gets its own instance (a bundle-scoped service). Call it on the
 * thread of a request to the extension's endpoints; there is nobody to read for elsewhere.
 *
 * <p>The platform implements this interface, so it may gain methods in a minor version.
 */
@ProviderType
public interface ProvinceRegister {

    /** The extension's province code (2 digits; {@code *} for a ministry-wide extension). */
    String province();

    /** Records of the extension's province matching the query, a page at a time. */
    VolunteerPageDTO search(VolunteerQuery query);

    /**
     * How many records each district of a province has, by status (counts only, so nothing is audited); empty
     * for a province other than the extension's.
     */
    List<DistrictCountsDTO> countByDistrict(String provinceCode);
}
