package org.apom.recognition.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.recognition.api.Award;
import org.apom.recognition.api.AwardCatalogue;
import org.apom.recognition.api.AwardClass;
import org.apom.recognition.api.AwardDefinition;
import org.apom.recognition.api.AwardProgram;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The awards of the programs registered now: the core one, and provinces' own from extension bundles, each read once
 * when it arrives (its bundle may be gone later; an extension's with a time limit and bounds) with the province it is
 * given in. A province's codes begin with {@code P<province>_}, so no province can take another's award or a core
 * one; of two programs with one code the core one wins, then the one registered first (the lower service id).
 */
@Component(service = {AwardCatalogue.class, Catalogue.class})
public final class Catalogue implements AwardCatalogue {

    /** Where the extension manager installs an extension: apom-extension:&lt;province&gt;/... (docs/extensions.md). */
    static final String EXTENSION_LOCATION = "apom-extension:";
    static final String CODE = "[A-Z][A-Z0-9_]{1,39}";
    static final int MAX_AWARDS = 20;
    static final int MAX_CLASSES = 10;
    static final long READ_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(Catalogue.class);

    /**
     * An award as the platform uses it.
     *
     * @param contained whether it comes from an extension, whose rules run on a worker with a time limit
     * @param serviceId the program's service id: the lower wins a code two programs claim
     */
    record Offered(Award award, AwardProgram program, boolean contained, long serviceId) {
    }

    private final Map<ServiceReference<AwardProgram>, List<Offered>> programs = new ConcurrentHashMap<>();
    private volatile List<Offered> offered = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProgram(AwardProgram program, ServiceReference<AwardProgram> reference) {
        Object id = reference.getProperty(Constants.SERVICE_ID);
        List<Offered> read = of(program, reference.getBundle(), id instanceof Long l ? l : Long.MAX_VALUE);
        if (!read.isEmpty()) {
            programs.put(reference, read);
            settle();
        }
    }

    void removeProgram(ServiceReference<AwardProgram> reference) {
        if (programs.remove(reference) != null) {
            settle();
        }
    }

    @Override
    public List<Award> awards(Caller caller, ProvinceCode province) {
        AccessPolicy.requireAny(caller, Action.RECOGNITION_READ);
        if (province != null && !AccessPolicy.allows(caller, Action.RECOGNITION_READ, province)) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such province in your reach.",
                    "ไม่พบจังหวัดที่ระบุในขอบเขตของคุณ"));
        }
        return offered.stream().map(Offered::award).filter(a -> province == null
                ? a.province() == null || AccessPolicy.allows(caller, Action.RECOGNITION_READ, a.province())
                : a.province() == null || a.province().equals(province)).toList();
    }

    @Override
    public Optional<Award> award(String code) {
        return find(code).map(Offered::award);
    }

    Optional<Offered> find(String code) {
        return offered.stream().filter(o -> o.award().code().equals(code)).findFirst();
    }

    /** The awards given in the province: the national ones and its own. */
    List<Offered> givenIn(ProvinceCode province) {
        return offered.stream().filter(o -> o.award().province() == null
                || o.award().province().equals(province)).toList();
    }

    /** The awards offered now: the core ones in their order, then provinces' by province and code. */
    List<Offered> offered() {
        return offered;
    }

    /** Decides which program offers each code, once per arrival or departure (and says so once, not per request). */
    private synchronized void settle() {
        List<Offered> all = programs.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(Offered::contained).thenComparingLong(Offered::serviceId)).toList();
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
        offered = List.copyOf(kept);
    }

    static List<Offered> of(AwardProgram program, Bundle bundle, long serviceId) {
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
        List<AwardDefinition> definitions = extension ? readContained(program, bundle) : program.awards();
        List<Offered> offered = new ArrayList<>();
        for (AwardDefinition d : definitions == null ? List.<AwardDefinition>of() : definitions) {
            Award award = award(d, province, extension ? bundle.getSymbolicName() : "core");
            if (award == null) {
                LOG.warn("An award of {} has no valid code (a province's begin with P<province>_), name or classes "
                        + "and is not offered", bundle.getSymbolicName());
            } else {
                offered.add(new Offered(award, program, extension, serviceId));
            }
        }
        return offered;
    }

    /**
     * A province's awards, read on a thread of their own with a time limit and at most {@link #MAX_AWARDS}: a
     * program that hangs or answers without end is not used, and the framework's thread that offers it goes on.
     */
    private static List<AwardDefinition> readContained(AwardProgram program, Bundle bundle) {
        FutureTask<List<AwardDefinition>> read = new FutureTask<>(() -> {
            List<AwardDefinition> all = program.awards();
            return all == null ? List.of() : all.stream().limit(MAX_AWARDS + 1L).toList();
        });
        Thread reader = new Thread(read, "apom-award-program-read");
        reader.setDaemon(true);
        reader.start();
        try {
            List<AwardDefinition> awards = read.get(READ_MILLIS, TimeUnit.MILLISECONDS);
            if (awards.size() > MAX_AWARDS) {
                LOG.warn("The award program of {} offers more than {} awards and is not used",
                        bundle.getSymbolicName(), MAX_AWARDS);
                return List.of();
            }
            return awards;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            read.cancel(true);
            LOG.warn("The award program of {} could not be read and is not used: {}", bundle.getSymbolicName(),
                    e.toString());
            return List.of();
        }
    }

    private static Award award(AwardDefinition d, ProvinceCode province, String source) {
        if (d == null || d.code() == null || !d.code().matches(CODE) || !valid(d.name())
                || province != null && !d.code().startsWith("P" + province.value() + "_")
                || d.classes().size() > MAX_CLASSES) {
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
