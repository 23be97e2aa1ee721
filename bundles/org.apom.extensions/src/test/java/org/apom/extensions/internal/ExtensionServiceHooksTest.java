package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * What the platform's bundles see of an extension's services. Service property keys are case-insensitive in OSGi
 * (Felix keeps the case the bundle wrote and matches filters ignoring it), so the hooks must ignore case too.
 */
class ExtensionServiceHooksTest {

    private final Bundle platform = bundle("mvn:org.apom/org.apom.extensions");
    private final Bundle whiteboard = bundle("mvn:org.apache.aries.jax.rs/org.apache.aries.jax.rs.whiteboard");
    private final Bundle chiangMai = bundle(ExtensionLocation.of("50", "org.apom.ext.p50.chiangmai"));

    @Test
    void aResourceOfItsProvinceIsSeenByThePlatformAloneWhateverTheCaseOfItsKeys() {
        for (String resource : new String[] {"osgi.jaxrs.resource", "OSGI.JAXRS.RESOURCE", "Osgi.Jaxrs.Resource"}) {
            ServiceReference<?> ref = service(chiangMai, Map.of("objectClass", new String[] {"java.lang.Object"},
                    resource, "true"));
            assertTrue(ExtensionServiceHooks.offered(ref, platform, platform), resource);
            assertFalse(ExtensionServiceHooks.offered(ref, whiteboard, platform), resource + ": never the whiteboard");
        }
    }

    @Test
    void anSpiServiceDressedAsAResourceForTheCoreIsHiddenInAnyCase() {
        // a RecordCheck that also claims to be a resource of the core application: the gate would not run
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("objectClass", new String[] {"org.apom.extensions.api.RecordCheck"});
        props.put("OSGI.JAXRS.RESOURCE", "true");
        props.put("OSGI.JAXRS.APPLICATION.SELECT", "(osgi.jaxrs.name=apom)");
        ServiceReference<?> ref = service(chiangMai, props);
        assertFalse(ExtensionServiceHooks.offered(ref, whiteboard, platform));
        assertFalse(ExtensionServiceHooks.servedInProvince(ref), "another application than its province's");
        assertFalse(ExtensionServiceHooks.offered(ref, platform, platform));
    }

    @Test
    void anSpiServiceForAnotherWhiteboardIsHidden() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("objectClass", new String[] {"org.apom.extensions.api.RecordCheck"});
        props.put("Osgi.Command.Scope", "ext");
        props.put("osgi.command.function", new String[] {"run"});
        assertFalse(ExtensionServiceHooks.offered(service(chiangMai, props), whiteboard, platform),
                "no shell command from an extension");
        // as Declarative Services 1.5 registers every component's service
        ServiceReference<?> check = service(chiangMai, Map.of("objectClass",
                new String[] {"org.apom.extensions.api.RecordCheck"}, "component.name", "x",
                "osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)"));
        assertTrue(ExtensionServiceHooks.offered(check, whiteboard, platform), "a plain RecordCheck is offered");
        Map<String, Object> exported = new LinkedHashMap<>();
        exported.put("objectClass", new String[] {"org.apom.extensions.api.RecordCheck"});
        exported.put("SERVICE.EXPORTED.INTERFACES", "*");
        assertFalse(ExtensionServiceHooks.offered(service(chiangMai, exported), whiteboard, platform),
                "no remote service from an extension");
    }

    @Test
    void aProvincesGradingCriterionIsTakenButTheGradingIsNeverSeenByAnExtension() {
        ServiceReference<?> criterion = service(chiangMai, Map.of("objectClass",
                new String[] {"org.apom.tiering.api.TierCriterion"}));
        assertTrue(ExtensionServiceHooks.offered(criterion, whiteboard, platform), "a TierCriterion is offered");
        ServiceReference<?> dressed = service(chiangMai, Map.of("objectClass",
                new String[] {"org.apom.tiering.api.TierCriterion", "org.apom.tiering.api.Tiering"}));
        assertFalse(ExtensionServiceHooks.offered(dressed, whiteboard, platform), "nothing else of the package");
        ServiceReference<?> grading = service(bundle("mvn:org.apom/org.apom.tiering"), Map.of("objectClass",
                new String[] {"org.apom.tiering.api.Tiering"}));
        assertFalse(ExtensionServiceHooks.mayUse(chiangMai, grading), "the grading is the platform's");
        assertFalse(ExtensionServiceHooks.mayUse(chiangMai, service(bundle("apom-extension:40/org.apom.ext.kk"),
                Map.of("objectClass", new String[] {"org.apom.tiering.api.TierCriterion"}))),
                "nor another province's criterion");
    }

    @Test
    void aProvincesAwardProgramIsTakenButTheNominationsAreNeverSeenByAnExtension() {
        ServiceReference<?> program = service(chiangMai, Map.of("objectClass",
                new String[] {"org.apom.recognition.api.AwardProgram"}));
        assertTrue(ExtensionServiceHooks.offered(program, whiteboard, platform), "an AwardProgram is offered");
        ServiceReference<?> nominations = service(bundle("mvn:org.apom/org.apom.recognition"), Map.of("objectClass",
                new String[] {"org.apom.recognition.api.Nominations"}));
        assertFalse(ExtensionServiceHooks.mayUse(chiangMai, nominations), "the nominations are the platform's");
    }

    @Test
    void aResourceWithAWhiteboardPropertyInAnyCaseIsNotServed() {
        for (String key : new String[] {"osgi.http.whiteboard.servlet.pattern", "OSGI.HTTP.WHITEBOARD.SERVLET.PATTERN",
                "OSGI.JAXRS.EXTENSION", "osgi.jaxrs.application.base"}) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("objectClass", new String[] {"java.lang.Object"});
            props.put("osgi.jaxrs.resource", "true");
            props.put(key, "/x");
            assertFalse(ExtensionServiceHooks.servedInProvince(service(chiangMai, props)), key);
        }
    }

    private static Bundle bundle(String location) {
        return proxy(Bundle.class, (method, args) -> switch (method) {
            case "getLocation" -> location;
            case "getSymbolicName" -> location;
            default -> null;
        });
    }

    /** A reference that answers getProperty ignoring the key's case, as the framework does. */
    private static ServiceReference<?> service(Bundle owner, Map<String, Object> properties) {
        return proxy(ServiceReference.class, (method, args) -> switch (method) {
            case "getBundle" -> owner;
            case "getPropertyKeys" -> properties.keySet().toArray(new String[0]);
            case "getProperty" -> properties.entrySet().stream()
                    .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(((String) args[0]).toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            default -> null;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> answer.apply(method.getName(), args);
                });
    }
}
