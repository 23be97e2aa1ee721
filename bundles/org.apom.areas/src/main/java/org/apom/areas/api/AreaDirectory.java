package org.apom.areas.api;

import java.util.List;
import java.util.Optional;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The current administrative areas (retired ones are left out), ordered by code.
 */
@ProviderType
public interface AreaDirectory {

    List<Province> provinces();

    Optional<Province> province(ProvinceCode code);

    /** The province's districts; empty when the province is unknown. */
    List<District> districts(ProvinceCode province);

    Optional<District> district(DistrictCode code);

    /** The district's subdistricts; empty when the district is unknown. */
    List<Subdistrict> subdistricts(DistrictCode district);

    Optional<Subdistrict> subdistrict(SubdistrictCode code);

    /** The edition currently in force. */
    AreaEdition edition();
}
