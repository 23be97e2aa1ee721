package org.apom.registry.internal.rest;

/** The body of {@code POST /volunteers/transfers/{id}/approval}: approve or not; a rejection says why. */
public record TransferDecision(Boolean approve, String reason) {
}
