package org.apom.registry.internal.rest;

/** The body of {@code POST /volunteers/{id}/status}. */
public record StatusChange(String status, String reason) {
}
