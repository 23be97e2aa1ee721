package org.apom.security.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.apom.security.api.NewUser;
import org.apom.security.api.Role;
import org.apom.security.api.UserChange;
import org.apom.security.api.UserDirectory;
import org.apom.security.api.UserView;
import org.junit.jupiter.api.Test;

class UsersCommandTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T02:00:00.5Z");

    @Test
    void everyAccountOfEveryPageIsOneTabSeparatedLineWithoutFormat() throws Exception {
        UsersCommand command = new UsersCommand();
        command.users = new TwoPages();
        command.noFormat = true;
        assertEquals("""
                admin\tcentral-admin\t-\ttrue\tfalse\t2026-11-01T02:00:00Z\t-
                malee\tprovince-admin,province-officer\t50\ttrue\ttrue\t2026-11-01T02:00:00Z\t2026-11-02T02:00:00Z
                """, ShellOutput.unpadded(ShellOutput.of(command::execute)));
    }

    @Test
    void theFormattedTableHasHeaders() throws Exception {
        UsersCommand command = new UsersCommand();
        command.users = new TwoPages();
        String shown = ShellOutput.of(command::execute);
        assertTrue(shown.lines().findFirst().orElseThrow().matches("Username\\s+[│|] Roles\\s+[│|] Province .*"), shown);
        assertEquals(4, shown.lines().count(), shown);
    }

    /** Two accounts, one per page, as the directory pages them. */
    private static final class TwoPages implements UserDirectory {
        @Override
        public Page<UserView> list(Caller caller, PageRequest page) {
            assertEquals("karaf-shell", caller.name());
            return page.after() == null
                    ? new Page<>(List.of(new UserView("admin", Set.of(Role.CENTRAL_ADMIN), null, true, false, CREATED,
                            null, 1)), PageRequest.encode("admin"))
                    : new Page<>(List.of(new UserView("malee", Set.of(Role.PROVINCE_OFFICER, Role.PROVINCE_ADMIN),
                            ProvinceCode.of("50"), true, true, CREATED, CREATED.plusSeconds(86_400), 3)), null);
        }

        @Override
        public Caller authenticate(String username, char[] password, String clientAddress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserView create(Caller caller, NewUser user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserView get(Caller caller, String username) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserView update(Caller caller, String username, UserChange change, long expectedVersion) {
            throw new UnsupportedOperationException();
        }
    }
}
