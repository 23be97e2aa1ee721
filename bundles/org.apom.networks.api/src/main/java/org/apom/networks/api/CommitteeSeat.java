package org.apom.networks.api;

/** One member's seat on a committee. */
public record CommitteeSeat(String volunteerId, CommitteePosition position) {
}
