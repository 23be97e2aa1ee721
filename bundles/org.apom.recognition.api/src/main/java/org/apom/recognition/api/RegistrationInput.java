package org.apom.recognition.api;

/**
 * A move of a network's registration as a caller asks for it.
 *
 * @param status the status to move to
 * @param registrationNumber for {@code REGISTERED}: the number given
 * @param registeredOn for {@code REGISTERED}: the day (ISO or d/m/yyyy in the Buddhist era)
 * @param registeringBody for {@code REGISTERED}: who registered it
 * @param reason for {@code REJECTED}: why
 * @since 1.1
 */
public record RegistrationInput(String status, String registrationNumber, String registeredOn,
        String registeringBody, String reason) {
}
