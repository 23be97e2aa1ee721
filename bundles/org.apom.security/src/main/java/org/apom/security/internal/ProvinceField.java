package org.apom.security.internal;

import java.util.List;
import java.util.function.Predicate;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;

/** A {@code province} field of a request: two digits naming a province that exists. */
public final class ProvinceField {

    private ProvinceField() {
    }

    /** @return the province, or {@code null} with the reason added to {@code errors} */
    public static ProvinceCode parse(String code, Predicate<ProvinceCode> exists, List<FieldError> errors) {
        try {
            ProvinceCode province = ProvinceCode.of(code);
            if (!exists.test(province)) {
                errors.add(new FieldError("province", "unknown", LocalizedText.of(
                        "There is no province with code " + province + ".", "ไม่มีจังหวัดรหัส " + province)));
            }
            return province;
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("province", e));
            return null;
        }
    }
}
