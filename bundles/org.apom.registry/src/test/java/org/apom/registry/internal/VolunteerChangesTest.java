package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.function.Predicate;

import org.apom.registry.api.Change;
import org.apom.security.api.AuditEntry;
import org.junit.jupiter.api.Test;

/** How audit entries read as changes, for readers of one province and for national ones. */
class VolunteerChangesTest {

    private static final Predicate<String> NATIONAL = p -> true;
    private static final Predicate<String> CHIANG_MAI = "50"::equals;
    private static final Predicate<String> KHON_KAEN = "40"::equals;

    @Test
    void writesAreCreatedUpdatedStatusOrMergedWithTheirVersion() {
        assertChange("created", 1L, VolunteerChanges.of(entry("volunteer.create", "50", null, "{\"version\":1}"), NATIONAL));
        assertChange("created", 1L, VolunteerChanges.of(entry("volunteer.import", "50", null, "{\"version\":1}"), NATIONAL));
        assertChange("updated", 2L, VolunteerChanges.of(entry("volunteer.verify", "50", "{}", "{\"version\":2}"), NATIONAL));
        assertChange("status", 3L, VolunteerChanges.of(entry("volunteer.status", "50", "{}", "{\"version\":3}"), NATIONAL));
        assertChange("merged", 4L,
                VolunteerChanges.of(entry("volunteer.merged-into", "50", "{}", "{\"version\":4}"), NATIONAL));
        assertNull(VolunteerChanges.of(entry("volunteer.read-personal", "50", null, null), NATIONAL), "a read");
    }

    @Test
    void aTransferIsNewToTheReceiverGoneForTheSenderAndAnUpdateForWhoSeesBoth() {
        AuditEntry moved = entry("volunteer.transfer", "40", "{\"subdistrictCode\":\"500101\"}",
                "{\"subdistrictCode\":\"400101\",\"version\":7}");
        assertChange("created", 7L, VolunteerChanges.of(moved, KHON_KAEN));
        assertChange("updated", 7L, VolunteerChanges.of(moved, NATIONAL));

        AuditEntry approved = new AuditEntry(12, Instant.EPOCH, "cm", "PERSON", "", "50", "volunteer.transfer-approve",
                "volunteer-transfer", "t-1", "50", null, "{}", "{\"volunteerId\":\"v-1\",\"fromProvince\":\"50\","
                + "\"toProvince\":\"40\",\"status\":\"APPROVED\"}", "", "");
        Change left = VolunteerChanges.of(approved, CHIANG_MAI);
        assertEquals("deleted", left.kind());
        assertEquals("v-1", left.id());
        assertEquals("50", left.province());
        assertNull(left.version());
        assertNull(VolunteerChanges.of(approved, NATIONAL), "a reader of both provinces sees the move only");
    }

    @Test
    void aSubdistrictChangedIntoAnotherProvinceMovesTheRecordLikeATransfer() {
        AuditEntry update = entry("volunteer.update", "40", "{\"subdistrictCode\":\"500101\"}",
                "{\"subdistrictCode\":\"400101\",\"version\":5}");
        assertChange("created", 5L, VolunteerChanges.of(update, KHON_KAEN));
        assertChange("updated", 5L, VolunteerChanges.of(update, NATIONAL));
        AuditEntry movedOut = entry(VolunteerChanges.MOVED_OUT, "50", null, "{\"toProvince\":\"40\"}");
        assertChange("deleted", null, VolunteerChanges.of(movedOut, CHIANG_MAI));
        assertEquals("50", VolunteerChanges.of(movedOut, CHIANG_MAI).province(), "the province it left, not where to");
        assertNull(VolunteerChanges.of(movedOut, NATIONAL));
    }

    private static void assertChange(String kind, Long version, Change change) {
        assertEquals(kind, change.kind());
        assertEquals(version, change.version());
        assertEquals("volunteer", change.entity());
        assertEquals("v-1", change.id());
        assertEquals(12, change.position());
    }

    private static AuditEntry entry(String action, String province, String before, String after) {
        return new AuditEntry(12, Instant.EPOCH, "cm", "PERSON", "", province, action, "volunteer", "v-1", province,
                null, before, after, "", "");
    }
}
