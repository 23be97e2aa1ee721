package org.apom.registry.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apom.registry.api.VolunteerInput;
import org.apom.registry.api.VolunteerStatus;

/**
 * A realistic demo register, the same for the same seed: Thai names, valid national IDs, adults registered
 * since 2015 in the given subdistricts, about a third never verified and a third stale, 2 % probable
 * duplicates (same names and birth date under another ID), and a few suspended, resigned or deceased.
 * Benchmarks use it for large sizes too.
 */
public final class DemoRegister {

    private DemoRegister() {
    }

    /** @param subdistricts the subdistrict codes to spread the volunteers over */
    public static List<DemoRecord> generate(int rows, List<String> subdistricts, LocalDate today, long seed) {
        Random random = new Random(seed);
        Set<String> ids = new HashSet<>();
        List<DemoRecord> records = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            VolunteerInput input;
            if (i > 10 && random.nextInt(100) < 2) {
                input = duplicateOf(records.get(random.nextInt(records.size())).input(), nationalId(random, ids));
            } else {
                input = fresh(random, ids, subdistricts, today);
            }
            records.add(new DemoRecord(input, status(random), verified(random, today)));
        }
        return records;
    }

    private static VolunteerInput fresh(Random r, Set<String> ids, List<String> subdistricts, LocalDate today) {
        boolean woman = r.nextBoolean();
        DemoNames.Name first = pick(r, woman ? DemoNames.WOMEN : DemoNames.MEN);
        DemoNames.Name last = pick(r, DemoNames.FAMILIES);
        String title = woman ? (r.nextInt(3) == 0 ? "นางสาว" : "นาง") : "นาย";
        LocalDate birth = LocalDate.of(1950 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28));
        // registered since 2015, and as an adult
        LocalDate from = birth.plusYears(18).isAfter(LocalDate.of(2015, 1, 1)) ? birth.plusYears(18)
                : LocalDate.of(2015, 1, 1);
        LocalDate registered = from.plusDays(r.nextInt((int) Math.max(1, today.toEpochDay() - from.toEpochDay())));
        String phone = r.nextInt(10) < 9 ? phone(8 + r.nextInt(2), r.nextInt(100_000_000)) : null;
        String address = r.nextInt(10) < 8 ? (1 + r.nextInt(300)) + " หมู่ " + (1 + r.nextInt(15)) : null;
        return new VolunteerInput(nationalId(r, ids), title, first.th(), last.th(), first.en(), last.en(),
                birth.toString(), woman ? "FEMALE" : "MALE", phone, pick(r, subdistricts), address,
                registered.toString());
    }

    /**
     * A mobile number, or for about one in twelve a Bangkok landline (02 and seven digits), so that a province's
     * mobile-phone check (the Chiang Mai sample's) has something to find; drawn from the same random number, so
     * the rest of the demo register stays as it was.
     */
    private static String phone(int mobilePrefix, int digits) {
        return digits % 12 == 0 ? "02" + String.format("%07d", digits / 10 % 10_000_000)
                : "0" + mobilePrefix + String.format("%08d", digits);
    }

    private static VolunteerInput duplicateOf(VolunteerInput o, String otherId) {
        return new VolunteerInput(otherId, o.title(), o.firstName(), o.lastName(), o.firstNameEn(), o.lastNameEn(),
                o.birthDate(), o.gender(), o.phone(), o.subdistrictCode(), o.address(), o.registeredOn());
    }

    /** A checksum-valid ID no other generated record has; first digit 1-8 as on real cards. */
    static String nationalId(Random r, Set<String> taken) {
        while (true) {
            StringBuilder id = new StringBuilder().append(1 + r.nextInt(8));
            for (int i = 1; i < 12; i++) {
                id.append(r.nextInt(10));
            }
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (id.charAt(i) - '0') * (13 - i);
            }
            String full = id.append((11 - sum % 11) % 10).toString();
            if (taken.add(full)) {
                return full;
            }
        }
    }

    private static VolunteerStatus status(Random r) {
        int n = r.nextInt(100);
        return n < 90 ? VolunteerStatus.ACTIVE : n < 95 ? VolunteerStatus.SUSPENDED
                : n < 99 ? VolunteerStatus.RESIGNED : VolunteerStatus.DECEASED;
    }

    private static LocalDate verified(Random r, LocalDate today) {
        int n = r.nextInt(100);
        return n < 30 ? null : n < 70 ? today.minusDays(r.nextInt(360)) : today.minusDays(370 + r.nextInt(800));
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
