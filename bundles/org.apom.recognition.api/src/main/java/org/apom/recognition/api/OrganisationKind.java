package org.apom.recognition.api;

import org.apom.core.api.LocalizedText;

/**
 * What a network may register as, to reach resources and stand on its own (docs/mission.md, goal 6).
 *
 * @since 1.1
 */
public enum OrganisationKind {
    /** องค์กรสาธารณประโยชน์ */
    PUBLIC_BENEFIT(LocalizedText.of("Public-benefit organisation", "องค์กรสาธารณประโยชน์")),
    /** องค์กรสวัสดิการชุมชน */
    COMMUNITY_WELFARE(LocalizedText.of("Community welfare organisation", "องค์กรสวัสดิการชุมชน"));

    private final LocalizedText name;

    OrganisationKind(LocalizedText name) {
        this.name = name;
    }

    public LocalizedText displayName() {
        return name;
    }
}
