package org.apom.recognition.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.recognition.api.Award;
import org.apom.recognition.api.AwardCatalogue;
import org.apom.recognition.api.AwardClass;
import org.apom.recognition.api.AwardDefinition;
import org.apom.recognition.api.AwardProgram;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The awards of the programs registered now: the core one, and provinces' own from extension bundles, each read once
 * when it arrives (its bundle may be gone later) with the province it is given in. A province's award may not reuse a
 * core award's code, nor another province's.
 */
@Component(service = {AwardCatalogue.class, Catalogue.class})
public final class Catalogue implements AwardCatalogue {

    /** Where the extension manager installs an extension: apom-extension:&lt;province&gt;/... (docs/extensions.md). */
    static final String EXTENSION_LOCATION = "apom-extension:";
    static final String CODE = "[A-Z][A-Z0-9_]{1,39}";
    private static final Logger LOG = LoggerFactory.getLogger(Catalogue.class);

    /**
     * An award as the platform uses it.
     *
     * @param contained whether it comes from an extension, whose rules run on a worker with a time limit
     */
    record Offered(Award award, AwardProgram program, boolean contained) {
    }

    private final Map<ServiceReference<AwardProgram>, List<Offered>> programs = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProgram(AwardProgram program, ServiceReference<AwardProgram> reference) {
        List<Offered> offered = of(program, reference.getBundle());
        if (!offered.isEmpty()) {
            programs.put(reference, offered);
        }
    }

    void removeProgram(ServiceReference<AwardProgram> reference) {
        programs.remove(reference);
    }

    @Override
    public List<Award> awards(Caller caller, ProvinceCode province) {
        AccessPolicy.requireAny(caller, Action.RECOGNITION_READ);
        return offered().stream().map(Offered::award).filter(a -> province == null
                ? a.province() == null || AccessPolicy.allows(caller, Action.RECOGNITION_READ, a.province())
                : a.province() == null || a.province().equals(province)).toList();
    }

    @Override
    public Optional<Award> award(String code) {
        return find(code).map(Offered::award);
    }

    Optional<Offered> find(String code) {
        return offered().stream().filter(o -> o.award().code().equals(code)).findFirst();
    }

    /** The awards given in the province: the national ones and its own. */
    List<Offered> givenIn(ProvinceCode province) {
        return offered().stream().filter(o -> o.award().province() == null
                || o.award().province().equals(province)).toList();
    }

    /** Every award, core ones first; of two with one code, the core one, else the one registered first. */
    List<Offered> offered() {
        List<Offered> all = programs.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(Offered::contained)).toList();
        Set<String> taken = new HashSet<>();
        List<Offered> kept = new ArrayList<>();
        for (Offered o : all) {
            if (taken.add(o.award().code())) {
                kept.add(o);
            } else {
                LOG.warn("The award {} of {} has the code of another and is not offered", o.award().code(),
                        o.award().source());
            }
        }
        kept.sort(Comparator.comparing((Offered o) -> o.award().province() == null ? "" : o.award().province().value())
                .thenComparing(o -> o.contained() ? o.award().code() : ""));
        return kept;
    }

    static List<Offered> of(AwardProgram program, Bundle bundle) {
        if (bundle == null) {
            return List.of();
        }
        boolean extension = bundle.getLocation().startsWith(EXTENSION_LOCATION);
        ProvinceCode province = extension ? provinceOf(bundle.getLocation()) : null;
        if (extension && province == null) {
            // an extension for every province (*) may grade networks, but an award is always one province's
            LOG.warn("The award program of {} is not installed for one province and is not used",
                    bundle.getSymbolicName());
            return List.of();
        }
        try {
            List<Offered> offered = new ArrayList<>();
            for (AwardDefinition d : program.awards()) {
                Award award = award(d, province, extension ? bundle.getSymbolicName() : "core");
                if (award == null) {
                    LOG.warn("An award of {} has no valid code, name or classes and is not offered",
                            bundle.getSymbolicName());
                } else {
                    offered.add(new Offered(award, program, extension));
                }
            }
            return offered;
        } catch (RuntimeException e) {
            LOG.warn("The award program of {} could not be read and is not used: {}", bundle.getSymbolicName(),
                    e.toString());
            return List.of();
        }
    }

    private static Award award(AwardDefinition d, ProvinceCode province, String source) {
        if (d == null || d.code() == null || !d.code().matches(CODE) || !valid(d.name())) {
            return null;
        }
        Set<String> classes = new HashSet<>();
        for (AwardClass c : d.classes()) {
            if (!c.code().matches(CODE) || !valid(c.name()) || !classes.add(c.code())) {
                return null;
            }
        }
        return new Award(d.code(), d.name(), province, source, d.classes());
    }

    private static boolean valid(LocalizedText name) {
        return name != null && !name.en().isBlank() && !name.th().isBlank() && name.en().length() <= 200
                && name.th().length() <= 200;
    }

    /** The province of an extension's location; {@code null} for every province ({@code *}) or none. */
    static ProvinceCode provinceOf(String location) {
        String rest = location.substring(EXTENSION_LOCATION.length());
        int slash = rest.indexOf('/');
        String province = slash < 0 ? null : rest.substring(0, slash);
        return province != null && province.matches("\\d{2}") ? ProvinceCode.of(province) : null;
    }
}
