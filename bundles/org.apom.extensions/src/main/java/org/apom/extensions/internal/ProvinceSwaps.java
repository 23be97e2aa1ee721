package org.apom.extensions.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a change of a province's extensions reaches its requests: the application of the province's next set of
 * bundles is built beside the one that serves ({@link ExtensionServing}), the requests switch to it at once, and
 * once the change is recorded the application and bundle it replaced go; a change that is not recorded is
 * undone. The manager ({@link ExtensionManager}) decides what changes, records it and audits it.
 */
final class ProvinceSwaps {

    private static final Logger LOG = LoggerFactory.getLogger(ProvinceSwaps.class);

    private final ExtensionBundles bundles;
    private final ExtensionStandby standby;
    private final ExtensionServing serving;
    /** The swap the change running on this thread made, so that it can be undone if its record does not commit. */
    private final ThreadLocal<Swap> swapping = new ThreadLocal<>();

    ProvinceSwaps(BundleContext context, ExtensionBundles bundles, ExtensionStandby standby, Duration drain) {
        this.bundles = bundles;
        this.standby = standby;
        this.serving = new ExtensionServing(context, drain);
    }

    void open() {
        serving.open();
    }

    void close() {
        serving.close();
    }

    /** At start: each province with extension bundles is served by an application of them all. */
    void serveAll(BundleContext context) {
        Map<String, Set<Long>> byProvince = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            String province = ExtensionLocation.provinceOf(bundle);
            if (province != null && bundle.getState() != Bundle.UNINSTALLED && !standby.isStandby(bundle)) {
                byProvince.computeIfAbsent(province, p -> new HashSet<>()).add(bundle.getBundleId());
            }
        }
        // all built first, then awaited: the waits overlap, so a whiteboard that is slow to take them up delays the
        // start by one wait, not one per province
        Map<String, ProvinceGeneration> built = new HashMap<>();
        byProvince.forEach((province, ids) -> built.put(province, serving.prepare(province, ids)));
        built.forEach((province, generation) -> {
            try {
                String why = serving.awaitServing(generation);
                if (why != null) {
                    LOG.warn("Province {}'s extensions are served, but not all of them: {}", province, why);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            serving.switchTo(province, generation);
        });
    }

    /**
     * Runs a change of version; if its record does not commit after the framework changed, what ran before runs
     * again (the old version still serves beside, or the bundle goes back to the jar it ran when it was updated in
     * place), so that the database and the framework never disagree.
     */
    void revertingOnFailure(String symbolicName, byte[][] replaced, Supplier<Swap> change) {
        Swap swap;
        try {
            swap = change.get();
        } catch (RuntimeException e) {
            if (swapping.get() != null) {
                revert(swapping.get());
                if (replaced[0] != null) {
                    bundles.remember(symbolicName, replaced[0]);
                }
            } else {
                Bundle bundle = bundles.find(symbolicName);
                if (replaced[0] != null && bundle != null) {
                    bundles.update(bundle, replaced[0]);
                }
            }
            throw e;
        } finally {
            swapping.remove();
        }
        finish(swap);
    }

    /**
     * Runs a change whose record must commit; if it does not, a swap it made is undone. After the commit, the
     * application and bundle it replaced are removed.
     */
    void changing(Supplier<Swap> change) {
        recorded(change, this::revert);
    }

    /**
     * Runs a change that stops code the platform no longer trusts: if its record does not commit, the swap it
     * made stands all the same (the approval is withdrawn already, and the trust check at the next start stops it
     * everywhere), since putting revoked code back into service is the one outcome that must not happen.
     */
    void stopping(Supplier<Swap> change) {
        recorded(change, made -> {
            LOG.error("The stop of revoked extension code did not commit; it stays stopped on this node");
            finish(made);
        });
    }

    /** Runs a change, finishing its swap once recorded, or handing the swap it made to {@code unrecorded}. */
    private void recorded(Supplier<Swap> change, Consumer<Swap> unrecorded) {
        Swap swap;
        try {
            swap = change.get();
        } catch (RuntimeException e) {
            Swap made = swapping.get();
            swapping.remove();
            if (made != null) {
                unrecorded.accept(made);
            }
            throw e;
        } finally {
            swapping.remove();
        }
        finish(swap);
    }

    /**
     * What a change did to its province's serving set: undone if its record does not commit, else finished.
     *
     * @param switched whether the province's requests went to another application ({@code previous} served)
     */
    record Swap(String province, Bundle leaving, Bundle arriving, ProvinceGeneration previous,
            boolean switched) {
    }

    /**
     * Puts {@code arriving} (installed beside, or {@code null}) in place of {@code leaving} (or {@code null}) among
     * the bundles that serve the province: the application of the next set is built beside the one that serves,
     * and the province's requests switch to it at once when the whiteboard serves all its resources. If
     * {@code arriving} cannot start or is not served, it is removed and nothing else changed.
     */
    Swap swap(String province, Bundle leaving, Bundle arriving, boolean startArriving) {
        Set<Long> now = serving.serving(province);
        Set<Long> next = new HashSet<>(now);
        if (leaving != null) {
            next.remove(leaving.getBundleId());
        }
        if (arriving != null) {
            next.add(arriving.getBundleId());
            standby.add(arriving);
        }
        ProvinceGeneration generation = null;
        if (!next.equals(now)) {
            try {
                if (startArriving) {
                    bundles.start(arriving);
                }
                generation = next.isEmpty() ? null : serving.prepare(province, next);
                String why = generation == null ? null : serving.awaitServing(generation);
                if (why != null) {
                    LOG.warn("Extension {} is not served: {}", arriving, why);
                    throw new ProblemException(422, "cannot-start", LocalizedText.of(
                            "The extension started, but the platform could not serve its endpoints (the platform's "
                                    + "log has the reason).",
                            "ส่วนขยายเริ่มทำงานแล้ว แต่ระบบให้บริการ endpoint ของส่วนขยายไม่ได้ (ดูเหตุผลในบันทึกของระบบ)"),
                            List.of());
                }
            } catch (RuntimeException | InterruptedException e) {
                serving.discard(generation);
                if (arriving != null) {
                    if (startArriving && arriving.getState() != Bundle.UNINSTALLED) {
                        bundles.uninstall(arriving);
                    }
                    standby.remove(arriving);
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while swapping an extension of " + province, e);
                }
                throw (RuntimeException) e;
            }
        }
        boolean switched = !next.equals(now);
        ProvinceGeneration previous = switched ? serving.switchTo(province, generation) : null;
        // the leaving version's checks stop before the arriving one's start: never both in one run
        if (leaving != null) {
            standby.add(leaving);
        }
        if (arriving != null) {
            standby.remove(arriving);
        }
        Swap swap = new Swap(province, leaving, arriving, previous, switched);
        swapping.set(swap);
        return swap;
    }

    /**
     * Starts the jar beside the extension's bundle that serves (or alone, if none does) and switches the province's
     * requests to it; if it cannot start, the running one serves on, untouched. The same version cannot run twice,
     * so it replaces the running one in place (its endpoints are briefly unavailable then); if it cannot start,
     * {@code running} (the jar it ran, when known) comes back.
     *
     * @return the swap to finish once the change is recorded, or {@code null} for a change in place
     */
    Swap replace(String province, Bundle bundle, ExtensionJar jar, byte[] running) {
        if (bundle == null || !bundle.getVersion().equals(jar.version())) {
            Bundle arriving = bundles.installBeside(jar);
            Swap swap = swap(province, bundle, arriving, true);
            bundles.remember(jar.symbolicName(), jar.bytes());
            return swap;
        }
        try {
            bundles.update(bundle, jar.bytes());
            return null;
        } catch (ProblemException cannotStart) {
            if (running != null) {
                try {
                    bundles.update(bundle, running);
                } catch (ProblemException e) {
                    LOG.error("Extension {} could not go back to its running version: {}", jar.symbolicName(),
                            e.detail().en());
                }
            }
            throw cannotStart;
        }
    }

    /** Once the change is recorded: the application it replaced goes when its requests are done, then the bundle. */
    private void finish(Swap swap) {
        if (swap == null) {
            return;
        }
        serving.retire(swap.previous());
        if (swap.leaving() != null) {
            if (swap.leaving().getState() != Bundle.UNINSTALLED) {
                bundles.uninstall(swap.leaving());
            }
            standby.remove(swap.leaving());
        }
    }

    /**
     * The change was not recorded: what served before serves again (its application is still there: it goes
     * only once a change is recorded, so nothing needs building), and the bundle the change started goes.
     */
    private void revert(Swap swap) {
        swapping.remove();
        try {
            if (swap.arriving() != null) {
                standby.add(swap.arriving());
            }
            if (swap.switched()) {
                ProvinceGeneration abandoned = serving.switchTo(swap.province(), swap.previous());
                serving.retire(abandoned);
            }
            if (swap.leaving() != null) {
                standby.remove(swap.leaving());
            }
            if (swap.arriving() != null) {
                if (swap.arriving().getState() != Bundle.UNINSTALLED) {
                    bundles.uninstall(swap.arriving());
                }
                standby.remove(swap.arriving());
            }
        } catch (RuntimeException e) {
            LOG.error("Extension {} of province {} could not go back to {}", swap.arriving(), swap.province(),
                    swap.leaving(), e);
        }
    }
}
