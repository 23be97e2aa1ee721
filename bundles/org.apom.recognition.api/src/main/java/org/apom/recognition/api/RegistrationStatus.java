package org.apom.recognition.api;

/**
 * Where a network stands on its path to registration as an organisation of one kind. A rejected application may be
 * prepared again.
 *
 * @since 1.1
 */
public enum RegistrationStatus {
    NOT_STARTED, PREPARING, SUBMITTED, REGISTERED, REJECTED
}
