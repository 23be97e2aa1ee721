package org.apom.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theDefaultRetriesForMoreThanADay() throws Exception {
        RetrySchedule schedule = RetrySchedule.parse(WebhooksConfig.class.getMethod("retrySchedule")
                .getDefaultValue().toString());
        assertEquals(Duration.parse("PT27H35M5S"), schedule.total());
        assertTrue(schedule.total().compareTo(WebhookPolicy.AT_LEAST) >= 0);
    }

    @Test
    void eachStepWaitsItsOwnTimeAndTheLastEndsIt() {
        RetrySchedule schedule = RetrySchedule.parse("5s, 2m,1h");
        Instant at = Instant.parse("2026-12-02T00:00:00Z");
        assertEquals(at.plusSeconds(5), schedule.next(0, at));
        assertEquals(at.plusSeconds(120), schedule.next(1, at));
        assertEquals(at.plusSeconds(3600), schedule.next(2, at));
        assertNull(schedule.next(3, at));
    }

    @Test
    void refusesWhatIsNotAWait() {
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("5s,soon"));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("5d"));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse(""));
    }
}
