package org.apom.ext.p40;

import java.util.List;

import org.apom.extensions.api.Finding;
import org.apom.extensions.api.RecordCheck;
import org.apom.extensions.api.VolunteerDTO;
import org.osgi.service.component.annotations.Component;

/**
 * Khon Kaen's officers visit volunteers at home, so every address must name its village: a village number
 * (หมู่ or ม.) or a village name (บ้าน).
 */
@Component
public final class VillageCheck implements RecordCheck {

    static final String CODE = "village-in-address";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> check(VolunteerDTO volunteer) {
        String address = volunteer.address;
        if (address != null && (address.contains("หมู่") || address.contains("ม.") || address.contains("บ้าน"))) {
            return List.of();
        }
        return List.of(Finding.of("address", "Khon Kaen needs the village (หมู่ or บ้าน) in every address.",
                "ขอนแก่นต้องการชื่อหมู่บ้าน (หมู่ หรือ บ้าน) ในที่อยู่ทุกรายการ"));
    }
}
