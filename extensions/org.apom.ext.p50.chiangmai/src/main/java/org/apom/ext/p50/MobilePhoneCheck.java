package org.apom.ext.p50;

import java.util.List;

import org.apom.extensions.api.Finding;
import org.apom.extensions.api.RecordCheck;
import org.apom.extensions.api.VolunteerDTO;
import org.osgi.service.component.annotations.Component;

/**
 * Chiang Mai reaches its volunteers by SMS and LINE, so a phone on record must be a mobile number: ten digits
 * starting 06, 08 or 09 (the register keeps phones as digits only).
 */
@Component
public final class MobilePhoneCheck implements RecordCheck {

    static final String CODE = "mobile-phone";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> check(VolunteerDTO volunteer) {
        String phone = volunteer.phone;
        if (phone == null || phone.matches("0[689]\\d{8}")) {
            return List.of();
        }
        return List.of(Finding.of("phone",
                "Chiang Mai needs a mobile number (06, 08 or 09 and ten digits) to reach its volunteers.",
                "เชียงใหม่ต้องใช้เบอร์โทรศัพท์มือถือ (ขึ้นต้นด้วย 06 08 หรือ 09 และมีสิบหลัก) เพื่อติดต่ออาสาสมัคร"));
    }
}
