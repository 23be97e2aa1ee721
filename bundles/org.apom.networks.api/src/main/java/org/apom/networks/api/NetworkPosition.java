package org.apom.networks.api;

import java.time.LocalDate;

/**
 * A volunteer's place in one network today.
 *
 * @param memberSince the first day of the membership that lasts today
 * @param seat the seat on the network's current committee, {@code null} for a member without one
 * @since 1.1
 */
public record NetworkPosition(String networkId, String networkName, NetworkLevel level, LocalDate memberSince,
        CommitteePosition seat) {
}
