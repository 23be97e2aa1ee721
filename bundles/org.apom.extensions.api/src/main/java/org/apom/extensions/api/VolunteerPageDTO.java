package org.apom.extensions.api;

import java.util.ArrayList;
import java.util.List;

/** One page of a {@link ProvinceRegister#search}. */
public class VolunteerPageDTO {

    public List<VolunteerDTO> items = new ArrayList<>();
    /** Where the next page starts ({@link VolunteerQuery#cursor}); {@code null} on the last page. */
    public String nextCursor;
}
