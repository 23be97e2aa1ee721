package org.apom.registry.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.console.Candidate;
import org.apom.areas.api.AreaDirectory;
import org.apom.areas.api.AreaEdition;
import org.apom.areas.api.District;
import org.apom.areas.api.Province;
import org.apom.areas.api.Subdistrict;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.junit.jupiter.api.Test;

class ProvinceCompleterTest {

    @Test
    void everyProvinceOfTheDirectoryIsOfferedByCodeWithItsName() {
        ProvinceCompleter completer = new ProvinceCompleter();
        completer.areas = new TwoProvinces();
        List<Candidate> candidates = new ArrayList<>();
        completer.completeCandidates(null, null, candidates);
        assertEquals(List.of("50", "40"), candidates.stream().map(Candidate::value).toList());
        assertEquals("Chiang Mai (เชียงใหม่)", candidates.get(0).descr());
    }

    @Test
    void aDirectoryThatCannotAnswerOffersNothingRatherThanFailingTheLine() {
        ProvinceCompleter completer = new ProvinceCompleter();
        completer.areas = new TwoProvinces() {
            @Override
            public List<Province> provinces() {
                throw new IllegalStateException("not loaded yet");
            }
        };
        List<Candidate> candidates = new ArrayList<>();
        completer.completeCandidates(null, null, candidates);
        assertEquals(List.of(), candidates);
    }

    private static class TwoProvinces implements AreaDirectory {
        @Override
        public List<Province> provinces() {
            return List.of(new Province(ProvinceCode.of("50"), "เชียงใหม่", "Chiang Mai", "north"),
                    new Province(ProvinceCode.of("40"), "ขอนแก่น", "Khon Kaen", "northeast"));
        }

        @Override
        public Optional<Province> province(ProvinceCode code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<District> districts(ProvinceCode province) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<District> district(DistrictCode code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Subdistrict> subdistricts(DistrictCode district) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Subdistrict> subdistrict(SubdistrictCode code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AreaEdition edition() {
            throw new UnsupportedOperationException();
        }
    }
}
