package org.apom.recognition.internal.dossier;

import java.time.LocalDate;
import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.networks.api.NetworkPosition;
import org.apom.networks.api.ServiceYear;
import org.apom.recognition.api.Honour;
import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationStep;

/**
 * What the screening committee reads about one nominee.
 *
 * @param provinceName the province's Thai name, its code when the area directory is away
 * @param yearsOfService full years from registration to the end of the nomination's fiscal year
 * @param years the fiscal years of service shown, oldest first, ending with the nomination's year
 * @param previous the highest class of the award already held, {@code null} for a first nomination
 * @param classRequested the class nominated for, with its names
 * @param endorsement the province's endorsement, {@code null} while it has not endorsed
 */
public record DossierEntry(Nomination nomination, String provinceName, String title, String firstName,
        String lastName, LocalDate registeredOn, long yearsOfService, List<NetworkPosition> positions,
        List<ServiceYear> years, Honour previous, LocalizedText previousClassName, LocalizedText classRequested,
        NominationStep endorsement) {

    public DossierEntry {
        positions = List.copyOf(positions);
        years = List.copyOf(years);
    }

    public String fullName() {
        return (title == null ? "" : title) + firstName + " " + lastName;
    }

    public int activities() {
        return years.stream().mapToInt(ServiceYear::activities).sum();
    }
}
