package org.apom.registry.internal.demo;

import java.time.LocalDate;

import org.apom.registry.api.VolunteerInput;
import org.apom.registry.api.VolunteerStatus;

/** One generated volunteer: what a province would send, and where the record stands today. */
public record DemoRecord(VolunteerInput input, VolunteerStatus status, LocalDate lastVerifiedOn) {
}
