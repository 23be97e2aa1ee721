package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apom.itests.support.ApomContainerTest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The platform's settings as central IT meets them: every setting its parts declare (their metatype) is in the
 * README's table under the file it lives in, every file the distribution ships in etc/ names only settings its part
 * declares, and a default written as {@code ${env:...}} reaches Config Admin as a value, not as the expression.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SettingsIT extends ApomContainerTest {

    /** The file a factory configuration of the platform lives in: the datasource's is the one named apom. */
    private static final Map<String, String> FACTORY_FILES = Map.of("org.ops4j.datasource",
            "org.ops4j.datasource-apom.cfg");

    @Inject
    private BundleContext context;
    @Inject
    private MetaTypeService metatypes;
    @Inject
    private ConfigurationAdmin configurations;

    @Test
    public void theReadmeListsEverySettingUnderItsFile() throws IOException {
        String readme = Files.readString(root().resolve("README.md"));
        List<String> missing = new ArrayList<>();
        declared().forEach((file, settings) -> settings.forEach(setting -> {
            if (!readme.contains("| `" + file + "` | `" + setting + "`") && !listedWithOthers(readme, file, setting)) {
                missing.add(file + " " + setting);
            }
        }));
        assertTrue("settings missing from README's table: " + missing, missing.isEmpty());
        assertTrue("the platform declares settings", declared().size() >= 7);
    }

    @Test
    public void theShippedFilesNameOnlySettingsThePlatformDeclares() throws IOException {
        Map<String, Set<String>> declared = declared();
        Path etc = Path.of(System.getProperty("karaf.etc"));
        List<String> unknown = new ArrayList<>();
        int files = 0;
        try (Stream<Path> shipped = Files.list(etc)) {
            for (Path cfg : shipped.filter(p -> p.getFileName().toString().matches("org\\.apom\\..*\\.cfg")).toList()) {
                files++;
                Set<String> known = declared.getOrDefault(cfg.getFileName().toString(), Set.of());
                Properties properties = new Properties();
                try (var in = Files.newBufferedReader(cfg)) {
                    properties.load(in);
                }
                for (String key : properties.stringPropertyNames()) {
                    if (!known.contains(key)) {
                        unknown.add(cfg.getFileName() + " " + key);
                    }
                }
            }
        }
        assertTrue("settings no part of the platform reads: " + unknown, unknown.isEmpty());
        assertTrue(files >= 7);
    }

    @Test
    public void aDefaultFromTheEnvironmentIsAValueInConfigAdmin() throws Exception {
        // no APOM_DEMO_DATA or APOM_ACCEPT_FILES in the test container's environment: the defaults after ":-"
        assertEquals("false", value("org.apom.registry", "demoData"));
        assertEquals("false", value("org.apom.security.files", "acceptAtStart"));
        // the tests' own edit of the shipped file wins over the expression (ApomContainerTest: development mode)
        assertEquals("true", value("org.apom.extensions", "developmentMode"));
        assertFalse(Files.readString(Path.of(System.getProperty("karaf.etc"), "org.apom.registry.cfg"))
                .isEmpty());
    }

    private String value(String pid, String key) throws IOException {
        Configuration configuration = configurations.getConfiguration(pid, null);
        Dictionary<String, Object> properties = configuration.getProperties();
        return properties == null ? null : String.valueOf(properties.get(key));
    }

    /** The README lists settings of one file and one meaning together in one row: {@code `user`, `password`}. */
    private static boolean listedWithOthers(String readme, String file, String setting) {
        return readme.lines().anyMatch(line -> line.startsWith("| `" + file + "` | ")
                && line.split("\\|")[2].contains("`" + setting + "`"));
    }

    /** Each file of etc/ and the settings the platform's parts declare for it in their metatype. */
    private Map<String, Set<String>> declared() {
        Map<String, Set<String>> byFile = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (!bundle.getSymbolicName().startsWith("org.apom.")) {
                continue;
            }
            MetaTypeInformation info = metatypes.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                add(byFile, pid + ".cfg", info.getObjectClassDefinition(pid, null));
            }
            for (String factory : info.getFactoryPids()) {
                add(byFile, FACTORY_FILES.getOrDefault(factory, factory + "-*.cfg"),
                        info.getObjectClassDefinition(factory, null));
            }
        }
        return byFile;
    }

    private static void add(Map<String, Set<String>> byFile, String file, ObjectClassDefinition ocd) {
        for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            byFile.computeIfAbsent(file, f -> new TreeSet<>()).add(ad.getID());
        }
    }

    /** The repository's root: the tests' sample files lie in itests/src/test/resources/files. */
    private static Path root() {
        return Path.of(System.getProperty(FILES_PROPERTY)).resolve("../../../../..").normalize();
    }
}
