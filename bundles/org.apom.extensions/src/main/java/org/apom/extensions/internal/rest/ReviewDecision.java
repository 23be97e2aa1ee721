package org.apom.extensions.internal.rest;

/** A reviewer's decision on a submission: the reason (required to reject). */
public record ReviewDecision(String reason) {
}
