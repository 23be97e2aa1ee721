package org.apom.recognition.internal.rest;

import java.time.LocalDate;
import java.time.ZoneId;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;

/** The {@code fiscalYear} query parameter. */
final class Years {

    private Years() {
    }

    /** The fiscal year named, or the one under way in Thailand; 400 for one that is not a Buddhist-era year. */
    static FiscalYear orNow(String text) {
        FiscalYear now = FiscalYear.of(LocalDate.now(ZoneId.of("Asia/Bangkok")));
        if (text == null || text.isBlank()) {
            return now;
        }
        return ProblemException.parameter("fiscalYear", text.strip(), t -> {
            try {
                return FiscalYear.of(Integer.parseInt(t));
            } catch (NumberFormatException e) {
                throw new InvalidValueException("format", LocalizedText.of("fiscalYear is a Buddhist-era year ("
                        + now + " is this one).", "fiscalYear ต้องเป็นปี พ.ศ. (ปีงบประมาณนี้คือ " + now + ")"));
            }
        });
    }
}
