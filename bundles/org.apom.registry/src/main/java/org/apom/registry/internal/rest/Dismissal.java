package org.apom.registry.internal.rest;

import java.util.List;

/** The body of {@code POST /volunteers/duplicates/dismissals}: two records that are different people, and why. */
public record Dismissal(List<String> ids, String reason) {
}
