package org.apom.areas.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apom.areas.api.District;
import org.apom.areas.api.Province;
import org.apom.core.api.ProvinceCode;
import org.junit.jupiter.api.Test;

class AreaFilesTest {

    private static final String PROVINCES = "code,name_th,name_en,region\n50,เชียงใหม่,Chiang Mai,north\n";
    private static final String DISTRICTS = "code,province_code,name_th,name_en\n5001,50,เมืองเชียงใหม่,Mueang Chiang Mai\n";
    private static final String SUBDISTRICTS = "code,district_code,name_th,name_en,postcode,lat,lon\n"
            + "500101,5001,ศรีภูมิ,Si Phum,50200,18.79,98.98\n";

    @Test
    void theShippedEditionHasEveryArea() {
        AreaData data = AreaFiles.shipped();
        assertEquals(77, data.provinces().size());
        // the data README says 927, but the files list 928 districts, each with subdistricts
        assertEquals(928, data.districts().size());
        assertEquals(7454, data.subdistricts().size());
        assertEquals(64, data.checksum().length());
    }

    @Test
    void chiangMaiHas25DistrictsIncludingGalyaniVadhana() {
        AreaData data = AreaFiles.shipped();
        Province chiangMai = data.provinces().stream().filter(p -> p.code().equals(ProvinceCode.of("50")))
                .findFirst().orElseThrow();
        assertEquals("เชียงใหม่", chiangMai.nameTh());
        assertEquals("Chiang Mai", chiangMai.nameEn());
        assertEquals(25, data.districts().stream().filter(d -> d.provinceCode().equals(chiangMai.code())).count());
        District galyani = data.districts().stream().filter(d -> d.code().value().equals("5025")).findFirst()
                .orElseThrow();
        assertEquals("กัลยาณิวัฒนา", galyani.nameTh());
        assertEquals(3, data.subdistricts().stream().filter(s -> s.districtCode().equals(galyani.code())).count());
    }

    @Test
    void theChecksumNamesTheContent() {
        assertEquals(AreaFiles.shipped().checksum(), AreaFiles.shipped().checksum());
        String other = AreaFiles.read(files(PROVINCES, DISTRICTS, SUBDISTRICTS)).checksum();
        assertNotEquals(AreaFiles.shipped().checksum(), other);
    }

    @Test
    void readsQuotedFieldsAndEmptyCoordinates() {
        AreaData data = AreaFiles.read(files(PROVINCES, DISTRICTS,
                "code,district_code,name_th,name_en,postcode,lat,lon\n500101,5001,ศรีภูมิ,\"Si Phum, Mueang\",,,\n"));
        assertEquals("Si Phum, Mueang", data.subdistricts().get(0).nameEn());
        assertEquals(null, data.subdistricts().get(0).latitude());
        assertEquals(null, data.subdistricts().get(0).postcode());
    }

    @Test
    void refusesADistrictOfAnUnknownProvince() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AreaFiles.read(files(
                PROVINCES, DISTRICTS + "4001,40,เมืองขอนแก่น,Mueang Khon Kaen\n", SUBDISTRICTS)));
        assertTrue(e.getMessage().contains("districts.csv line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("province 40 does not exist"), e.getMessage());
    }

    @Test
    void refusesACodeThatDoesNotStartWithItsParent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AreaFiles.read(files(
                PROVINCES, DISTRICTS, SUBDISTRICTS.replace("500101,", "510101,"))));
        assertTrue(e.getMessage().contains("does not start with"), e.getMessage());
    }

    @Test
    void refusesDuplicatesBadCodesEmptyNamesAndMissingFiles() {
        assertThrows(IllegalArgumentException.class,
                () -> AreaFiles.read(files(PROVINCES + "50,เชียงใหม่,Chiang Mai,north\n", DISTRICTS, SUBDISTRICTS)));
        assertThrows(IllegalArgumentException.class,
                () -> AreaFiles.read(files(PROVINCES.replace("50,", "5,"), DISTRICTS, SUBDISTRICTS)));
        assertThrows(IllegalArgumentException.class,
                () -> AreaFiles.read(files(PROVINCES.replace("Chiang Mai", ""), DISTRICTS, SUBDISTRICTS)));
        assertThrows(IllegalArgumentException.class, () -> AreaFiles.read(name -> null));
        assertThrows(IllegalArgumentException.class,
                () -> AreaFiles.read(files("code,name_th,name_en,region\n", DISTRICTS, SUBDISTRICTS)));
    }

    static java.util.function.Function<String, InputStream> files(String provinces, String districts,
            String subdistricts) {
        Map<String, String> content = new HashMap<>();
        content.put(AreaFiles.PROVINCES, provinces);
        content.put(AreaFiles.DISTRICTS, districts);
        content.put(AreaFiles.SUBDISTRICTS, subdistricts);
        return name -> {
            String text = content.get(name);
            assertNotNull(text, name);
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        };
    }
}
