package org.apom.registry.internal;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Reach;

/**
 * The province a list may cover for a caller: the one asked for (every province when none is), except that a
 * caller who reaches their own province only gets theirs, and nothing at all when they ask for another one.
 *
 * @param province the province to list, {@code null} for every province
 * @param nothing whether the caller asked for a province they may not see
 */
record ListScope(ProvinceCode province, boolean nothing) {

    static ListScope of(Reach reach, ProvinceCode own, ProvinceCode asked) {
        if (reach != Reach.OWN) {
            return new ListScope(asked, false);
        }
        if (asked != null && !asked.equals(own)) {
            return new ListScope(null, true);
        }
        return new ListScope(own, false);
    }
}
