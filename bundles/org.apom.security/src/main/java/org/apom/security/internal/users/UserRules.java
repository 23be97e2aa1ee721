package org.apom.security.internal.users;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.security.api.Role;
import org.apom.security.internal.ProvinceField;

/** What makes a username, a password, roles and a province acceptable; every failure names its field. */
public final class UserRules {

    public static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    /** The passwords people pick first; a real deployment may add its own list. */
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiopas",
            "adminadmin12", "administrator", "passwordpassword", "apomapomapom", "changeme1234", "welcome12345",
            "1234567890ab", "letmein12345", "p@ssw0rd1234");

    private final Predicate<ProvinceCode> provinceExists;

    public UserRules(Predicate<ProvinceCode> provinceExists) {
        this.provinceExists = provinceExists;
    }

    void username(String username, List<FieldError> errors) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(error("username", "format",
                    "A username has 3 to 64 characters: lower-case letters a-z, digits, '.', '_' or '-', "
                            + "starting with a letter or digit.",
                    "ชื่อผู้ใช้ยาว 3 ถึง 64 ตัวอักษร ใช้ได้เฉพาะ a-z ตัวเลข . _ หรือ - และขึ้นต้นด้วยตัวอักษรหรือตัวเลข"));
        }
    }

    void password(String password, String username, List<FieldError> errors) {
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(error("password", "too-short",
                    "A password has at least " + MIN_PASSWORD + " characters; a phrase of several words is best.",
                    "รหัสผ่านต้องมีอย่างน้อย " + MIN_PASSWORD + " ตัวอักษร แนะนำให้ใช้วลีหลายคำ"));
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(error("password", "too-long", "A password has at most " + MAX_PASSWORD + " characters.",
                    "รหัสผ่านยาวได้ไม่เกิน " + MAX_PASSWORD + " ตัวอักษร"));
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            errors.add(error("password", "contains-username", "A password must not contain the username.",
                    "รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น"));
        } else if (COMMON.contains(password.toLowerCase(Locale.ROOT)) || password.chars().distinct().count() < 4) {
            errors.add(error("password", "too-common", "This password is too easy to guess; choose another.",
                    "รหัสผ่านนี้เดาง่ายเกินไป กรุณาเลือกใหม่"));
        }
    }

    Set<Role> roles(List<String> ids, List<FieldError> errors) {
        Set<Role> roles = new LinkedHashSet<>();
        if (ids == null || ids.isEmpty()) {
            errors.add(error("roles", "required", "At least one role is required.", "ต้องระบุบทบาทอย่างน้อยหนึ่งบทบาท"));
            return roles;
        }
        for (String id : ids) {
            try {
                Role role = Role.fromId(id);
                if (role == Role.INTEGRATOR) {
                    errors.add(error("roles", "token-only",
                            "The integrator role belongs to API tokens (POST /api/v1/tokens), not to people.",
                            "บทบาท integrator ใช้กับโทเคน API (POST /api/v1/tokens) เท่านั้น ไม่ใช่กับบุคคล"));
                }
                roles.add(role);
            } catch (InvalidValueException e) {
                errors.add(FieldError.of("roles", e));
            }
        }
        return roles;
    }

    /** The province the roles need: required for province-bound roles, refused for the others. */
    ProvinceCode province(String code, Set<Role> roles, List<FieldError> errors) {
        boolean bound = roles.stream().anyMatch(Role::isProvinceBound);
        boolean national = roles.stream().anyMatch(r -> !r.isProvinceBound());
        if (bound && national) {
            errors.add(error("roles", "mixed-scope",
                    "A person is either bound to a province (province-admin, province-officer) or national, not both.",
                    "บุคคลหนึ่งต้องเป็นระดับจังหวัดหรือระดับประเทศอย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสอง"));
            return null;
        }
        if (!bound) {
            if (code != null) {
                errors.add(error("province", "not-allowed", "Only province-bound roles have a province.",
                        "เฉพาะบทบาทระดับจังหวัดเท่านั้นที่ระบุจังหวัดได้"));
            }
            return null;
        }
        if (code == null) {
            errors.add(error("province", "required", "A province admin or officer needs a province code.",
                    "ผู้ดูแลหรือเจ้าหน้าที่ระดับจังหวัดต้องระบุรหัสจังหวัด"));
            return null;
        }
        return ProvinceField.parse(code, provinceExists, errors);
    }

    static FieldError error(String field, String code, String en, String th) {
        return new FieldError(field, code, LocalizedText.of(en, th));
    }

    static List<FieldError> newErrors() {
        return new ArrayList<>();
    }
}
