package org.apom.extensions.internal;

import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;

/** Who may manage which extensions: a province's own (its {@code Apom-Province}), and {@code *} central admins only. */
final class ExtensionAccess {

    private ExtensionAccess() {
    }

    static void authorize(Caller caller, String province) {
        AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        if (!mayManage(caller, province)) {
            throw new ProblemException(403, "forbidden", LocalizedText.of(ExtensionJar.EVERY_PROVINCE.equals(province)
                    ? "Only central admins install ministry-wide extensions (Apom-Province: *)."
                    : "You may manage extensions of your own province only (its Apom-Province header).",
                    ExtensionJar.EVERY_PROVINCE.equals(province) ? "เฉพาะผู้ดูแลส่วนกลางติดตั้งส่วนขยายทุกจังหวัดได้"
                            : "คุณจัดการได้เฉพาะส่วนขยายของจังหวัดของคุณ"), List.of());
        }
    }

    static boolean mayManage(Caller caller, String province) {
        return ExtensionJar.EVERY_PROVINCE.equals(province)
                ? AccessPolicy.reach(caller, Action.EXTENSIONS_MANAGE) == Reach.ALL
                : AccessPolicy.allows(caller, Action.EXTENSIONS_MANAGE, ProvinceCode.of(province));
    }

    static ProvinceCode provinceOf(String province) {
        return ExtensionJar.EVERY_PROVINCE.equals(province) ? null : ProvinceCode.of(province);
    }
}
