package org.apom.security.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apom.core.api.problem.FieldError;

import org.junit.jupiter.api.Test;

class AdminPasswordCheckTest {

    @Test
    void aPasswordTheRulesAcceptPassesSilently() {
        Output err = new Output();
        assertEquals(0, AdminPasswordCheck.run("correct horse battery", err.stream));
        assertEquals("", err.text());
    }

    @Test
    void noPasswordPassesBecauseThePlatformGeneratesOne() {
        assertEquals(0, AdminPasswordCheck.run(null, new Output().stream));
        assertEquals(0, AdminPasswordCheck.run("", new Output().stream));
    }

    @Test
    void aPasswordContainingTheUsernameIsRefusedWithTheRuleInEnglishAndThaiButNotThePassword() {
        Output err = new Output();
        assertEquals(1, AdminPasswordCheck.run("Admin-passphrase-2024", err.stream));
        assertEquals("APOM_ADMIN_PASSWORD is refused for the first admin 'admin': "
                + "A password must not contain the username. / รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น\n", err.text());
        assertFalse(err.text().contains("passphrase-2024"));
    }

    @Test
    void everyRuleOfTheAccountsRefusesHere() {
        assertTrue(AdminPasswordCheck.refusal("eleven char").orElseThrow().contains("at least 12 characters"));
        assertTrue(AdminPasswordCheck.refusal("x".repeat(UserRules.MAX_PASSWORD) + "yz").orElseThrow()
                .contains("at most 128 characters"));
        assertTrue(AdminPasswordCheck.refusal("Password1234").orElseThrow().contains("too easy to guess"));
        assertTrue(AdminPasswordCheck.refusal("abababababab").orElseThrow().contains("too easy to guess"));
    }

    @Test
    void theLaunchersClassPathOfThisBundleAndTheCoreApiSuffices() throws Exception {
        // ./apom and bin/setenv run the check with only these two jars: the rules must not need any other
        URL[] launcherClassPath = {codeSource(AdminPasswordCheck.class), codeSource(FieldError.class)};
        try (URLClassLoader loader = new URLClassLoader(launcherClassPath, ClassLoader.getPlatformClassLoader())) {
            Method refusal = loader.loadClass(AdminPasswordCheck.class.getName())
                    .getDeclaredMethod("refusal", String.class);
            refusal.setAccessible(true);
            assertTrue(((Optional<?>) refusal.invoke(null, "my admin passphrase")).isPresent());
            assertTrue(((Optional<?>) refusal.invoke(null, "correct horse battery")).isEmpty());
        }
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static final class Output {

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        }
    }
}
