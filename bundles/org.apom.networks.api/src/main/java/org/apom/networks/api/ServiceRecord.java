package org.apom.networks.api;

import java.util.List;

/**
 * What {@link ServiceRecords} answers for one volunteer.
 *
 * @param positions the networks the volunteer belongs to today, with the seat on each current committee
 * @param years every fiscal year asked for, oldest first, also those without an activity
 * @since 1.1
 */
public record ServiceRecord(String volunteerId, List<NetworkPosition> positions, List<ServiceYear> years) {

    public ServiceRecord {
        positions = List.copyOf(positions);
        years = List.copyOf(years);
    }
}
