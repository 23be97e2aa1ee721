package org.apom.extensions.api;

import java.util.Map;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The register as an extension sees it: only the records of the extension's own province (its
 * {@code Apom-Province} header), whatever the search asks for. Each extension bundle gets its own instance
 * (a bundle-scoped service), and its reads are audited under the extension's name.
 */
@ProviderType
public interface ProvinceRegister {

    /** Records of the extension's province matching the search; another province's search finds nothing. */
    Page<Volunteer> search(VolunteerSearch search, PageRequest page);

    /**
     * How many records each district of the province has, by status (counts only, so nothing is audited);
     * empty for another province.
     */
    Map<DistrictCode, Map<VolunteerStatus, Long>> countByDistrict(ProvinceCode province);
}
