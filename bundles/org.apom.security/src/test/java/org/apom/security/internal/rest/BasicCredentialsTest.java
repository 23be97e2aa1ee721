package org.apom.security.internal.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    @Test
    void readsUsernameAndPasswordWithColonsAndThai() {
        BasicCredentials c = BasicCredentials.parse("Basic " + b64("สมชาย:pa:ss word"));
        assertEquals("สมชาย", c.username());
        assertArrayEquals("pa:ss word".toCharArray(), c.password());
        assertEquals("admin", BasicCredentials.parse("basic  " + b64("admin:x")).username());
    }

    @Test
    void noHeaderAsksForALogin() {
        ProblemException e = assertThrows(ProblemException.class, () -> BasicCredentials.parse(null));
        assertEquals(401, e.status());
        assertEquals("authentication-required", e.code());
        assertEquals("authentication-required", assertThrows(ProblemException.class,
                () -> BasicCredentials.parse("  ")).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"YWRtaW46eA==", "Bearer abc", "Basic", "Basic !!!notbase64", "Basic " + "bm9jb2xvbg==",
        "Basic OnBhc3N3b3Jk"})
    void malformedHeadersAre401WithTheirOwnCode(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> BasicCredentials.parse(header));
        assertEquals(401, e.status());
        assertEquals("malformed-authorization", e.code());
    }

    @Test
    void onlyHealthAndTheApiDescriptionArePublicAndOnlyToRead() {
        assertTrue(AuthenticationFilter.isPublic("GET", "health"));
        assertTrue(AuthenticationFilter.isPublic("GET", "health/live"));
        assertTrue(AuthenticationFilter.isPublic("GET", "/openapi.json"));
        assertTrue(AuthenticationFilter.isPublic("HEAD", "health"));
        assertFalse(AuthenticationFilter.isPublic("POST", "health"));
        assertFalse(AuthenticationFilter.isPublic("GET", "areas/provinces"));
        assertFalse(AuthenticationFilter.isPublic("GET", "health/../areas/provinces"));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
