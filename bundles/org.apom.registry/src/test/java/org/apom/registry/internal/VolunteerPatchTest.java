package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class VolunteerPatchTest {

    /** The OpenAPI document's VolunteerPatch lists exactly the fields a patch may change, no more, no fewer. */
    @Test
    void theDocumentedPatchNamesTheEditableFields() throws Exception {
        Class<?> documented = Class.forName("org.apom.registry.internal.rest.VolunteerPatchJson");
        Set<String> fields = Arrays.stream(documented.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        assertEquals(VolunteerPatch.FIELDS, fields);
    }
}
