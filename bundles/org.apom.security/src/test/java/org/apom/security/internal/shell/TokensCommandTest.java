package org.apom.security.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.support.CommandException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.Caller;
import org.apom.security.api.CreatedToken;
import org.apom.security.api.NewToken;
import org.apom.security.api.TokenService;
import org.apom.security.api.TokenView;
import org.junit.jupiter.api.Test;

class TokensCommandTest {

    @Test
    void eachTokenIsOneLineWithItsScopesAndDatesWithoutFormat() throws Exception {
        TokensCommand command = new TokensCommand();
        command.tokens = tokens(new Page<>(List.of(new TokenView("t-1", "hr app", Set.of("volunteers:write",
                "volunteers:read"), ProvinceCode.of("50"), LocalDate.of(2027, 1, 31), "admin",
                Instant.parse("2026-11-01T02:00:00Z"), null, Instant.parse("2026-11-03T04:05:06.7Z"))), null));
        command.noFormat = true;
        assertEquals("t-1\thr app\tvolunteers:read,volunteers:write\t50\t2027-01-31\tadmin\t2026-11-01T02:00:00Z\t-\t"
                + "2026-11-03T04:05:06Z\n", ShellOutput.unpadded(ShellOutput.of(command::execute)));
    }

    @Test
    void aRefusalFailsTheCommand() {
        TokensCommand command = new TokensCommand();
        command.tokens = tokens(null);
        assertEquals("Refused (forbidden): You may not do that.",
                assertThrows(CommandException.class, command::execute).getMessage());
    }

    /** A service that lists the page given, or refuses when there is none. */
    private static TokenService tokens(Page<TokenView> page) {
        return new TokenService() {
            @Override
            public Page<TokenView> list(Caller caller, PageRequest request) {
                if (page == null) {
                    throw new ProblemException(403, "forbidden", LocalizedText.of("You may not do that.", "ไม่ได้"),
                            List.of());
                }
                return page;
            }

            @Override
            public Caller authenticate(String secret) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CreatedToken create(Caller caller, NewToken token) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TokenView revoke(Caller caller, String id) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
