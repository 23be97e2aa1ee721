package org.apom.recognition.api;

import java.util.List;
import java.util.Optional;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The awards offered now, core and provincial, as the programs present define them. */
@ProviderType
public interface AwardCatalogue {

    /**
     * The national awards and those of the provinces the caller may read ({@code recognition:read}); with a
     * province, the awards given there (the national ones and that province's own).
     */
    List<Award> awards(Caller caller, ProvinceCode province);

    /** The award of that code, whoever offers it, or empty when no program present offers it. */
    Optional<Award> award(String code);
}
