package org.apom.security.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.support.CommandException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.Caller;
import org.junit.jupiter.api.Test;

class ApomActionTest {

    @Test
    void aRefusalFailsTheCommandWithOneLineNamingItsCodeAndFields() {
        ProblemException refused = new ProblemException(422, "extension-rules", LocalizedText.of(
                "The jar breaks the rules.", "ผิดกฎ"), List.of(
                        new FieldError("Import-Package", "forbidden-import", LocalizedText.of("Not allowed.", "ไม่ได้")),
                        new FieldError("Export-Package", "forbidden-header", LocalizedText.of("No exports.", "ไม่ได้"))));
        CommandException failed = assertThrows(CommandException.class, () -> action(caller -> {
            throw refused;
        }).execute());
        assertEquals("Refused (extension-rules): The jar breaks the rules. "
                + "[Import-Package: Not allowed.; Export-Package: No exports.]", failed.getMessage());
        assertEquals("Failed (busy): Try again.", ApomAction.refusal(new ProblemException(503, "busy",
                LocalizedText.of("Try again.", "ลองใหม่"), List.of())));
    }

    @Test
    void theWorkRunsAsTheSshUserSoThatTheAuditTrailNamesThem() throws Exception {
        AtomicReference<Caller> seen = new AtomicReference<>();
        ApomAction action = action(seen::set);
        Subject somchai = new Subject(true, Set.of(new UserPrincipal("somchai"), new RolePrincipal("ssh")), Set.of(),
                Set.of());
        assertNull(Subject.doAs(somchai, (PrivilegedExceptionAction<Object>) action::execute));
        assertEquals("karaf-shell:somchai", seen.get().name());
        assertEquals(Caller.Kind.SYSTEM, seen.get().kind());
        action.execute();
        assertEquals("karaf-shell", seen.get().name(), "without a logged-in subject (a local session)");
    }

    @Test
    void aFileThatIsNotThereFailsTheCommand() {
        assertEquals("No such file: /no/such/file.jar",
                assertThrows(CommandException.class, () -> ApomAction.existingFile("/no/such/file.jar")).getMessage());
    }

    @Test
    void everyPageIsReadUntilTheLastCursor() {
        List<String> asked = new ArrayList<>();
        List<Integer> all = ApomAction.everyPage(page -> {
            asked.add(page.after());
            return page.after() == null ? new Page<>(List.of(1, 2), PageRequest.encode("2"))
                    : new Page<>(List.of(3), null);
        });
        assertEquals(List.of(1, 2, 3), all);
        assertEquals(java.util.Arrays.asList(null, "2"), asked);
    }

    private static ApomAction action(Work work) {
        return new ApomAction() {
            @Override
            protected void execute(Caller caller) {
                work.run(caller);
            }
        };
    }

    private interface Work {
        void run(Caller caller);
    }
}
