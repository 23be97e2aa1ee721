package org.apom.recognition.api;

import java.time.Instant;
import java.time.LocalDate;

import org.apom.core.api.ProvinceCode;

/**
 * A network's registration as an organisation of one kind, and its readiness for it.
 *
 * @param province the network's province, {@code null} for a national network
 * @param registrationNumber the number the registering body gave, once registered
 * @param registeredOn the day of registration, once registered
 * @param registeringBody who registered it (e.g. the provincial social development office), once registered
 * @param rejectionReason why the application was rejected, when it was
 * @param updatedBy who moved it last, {@code null} while not started
 * @param version moves with each change, 0 while not started
 * @since 1.1
 */
public record Registration(String networkId, ProvinceCode province, OrganisationKind kind, RegistrationStatus status,
        String registrationNumber, LocalDate registeredOn, String registeringBody, String rejectionReason,
        String updatedBy, Instant updatedAt, long version, Readiness readiness) {
}
