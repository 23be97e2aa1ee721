package org.apom.networks.api;

import org.apom.core.api.ProvinceCode;

/**
 * Which networks to list; {@code null} fields do not filter.
 *
 * @param province networks in this province (a national network is in none)
 * @param areaCode networks whose area is exactly this code
 * @param tier networks whose current computed tier ({@link CurrentTier#tier()}) is this one: A, B or C
 */
public record NetworkQuery(ProvinceCode province, NetworkLevel level, String areaCode, String tier) {

    public static NetworkQuery all() {
        return new NetworkQuery(null, null, null, null);
    }
}
