package org.apom.extensions.api;

import java.time.LocalDate;

/**
 * What {@link ProvinceRegister#search} looks for, always within the extension's own province: every filter left
 * {@code null} means any. A data transfer object with public fields, so that later versions can add filters.
 */
public class VolunteerQuery {

    /**
     * {@code null}: the extension's province (every province for a ministry-wide one); another province finds
     * nothing.
     */
    public String provinceCode;

    /** A district of the province (4 digits). */
    public String districtCode;
    /** A subdistrict of the province (6 digits). */
    public String subdistrictCode;
    /** {@code ACTIVE}, {@code SUSPENDED}, {@code RESIGNED} or {@code DECEASED}. */
    public String status;
    /**
     * A name prefix (Thai, or English in any case), or a whole national ID when the person the extension
     * serves may search by it.
     */
    public String q;
    /** Only records whose data was last confirmed before this day (or never). */
    public LocalDate verifiedBefore;
    /** Where to continue: the {@link VolunteerPageDTO#nextCursor} of the page before; {@code null} to start. */
    public String cursor;
    /** At most this many records (1 to 500). */
    public int limit = 50;
}
