package org.apom.security.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class TransportPolicyTest {

    private static final String PROXY = "10.0.0.2";
    private final TransportPolicy strict = new TransportPolicy(false, Set.of(PROXY));

    @Test
    void aPasswordOverPlainHttpIsRefusedFromAnotherHost() {
        assertFalse(strict.basicAllowed("203.0.113.5", "http", null));
        assertTrue(strict.basicAllowed("203.0.113.5", "https", null));
    }

    @Test
    void thisHostMayUsePlainHttp() {
        assertTrue(strict.basicAllowed("127.0.0.1", "http", null));
        assertTrue(strict.basicAllowed("127.0.0.42", "http", null));
        assertTrue(strict.basicAllowed("0:0:0:0:0:0:0:1", "http", null));
        assertTrue(strict.basicAllowed("::1", "http", null));
        assertTrue(strict.basicAllowed("[0:0:0:0:0:0:0:1]", "http", null), "Jetty brackets an IPv6 peer");
        assertFalse(strict.basicAllowed("[2001:db8:0:0:0:0:0:1]", "http", null));
        assertFalse(strict.basicAllowed("localhost.example.com", "http", null), "names are never looked up");
        assertFalse(strict.basicAllowed(null, "http", null));
    }

    @Test
    void onlyATrustedProxyIsBelievedAboutTheScheme() {
        assertTrue(strict.basicAllowed(PROXY, "http", "https"));
        assertFalse(strict.basicAllowed(PROXY, "http", "http"));
        assertFalse(strict.basicAllowed("203.0.113.5", "http", "https"), "anyone can send the header");
        assertFalse(new TransportPolicy(false, Set.of("127.0.0.1")).basicAllowed("127.0.0.1", "http", "http"),
                "a local proxy saying http speaks for a client elsewhere");
    }

    @Test
    void theFlagAllowsPlainHttp() {
        assertTrue(new TransportPolicy(true, Set.of()).basicAllowed("203.0.113.5", "http", null));
    }

    @Test
    void theClientIsThePeerUnlessATrustedProxyNamesIt() {
        assertEquals("203.0.113.5", strict.client("203.0.113.5", "198.51.100.1"));
        assertEquals("198.51.100.9", strict.client(PROXY, "198.51.100.1, 198.51.100.9"));
        assertEquals(PROXY, strict.client(PROXY, null));
        assertEquals("unknown", strict.client(null, null));
    }

    @Test
    void aProxyWrittenInAnyFormOfItsAddressIsBelieved() {
        TransportPolicy proxied = new TransportPolicy(false, Set.of("::1", " 10.0.0.7 "));
        // Jetty names the same peers "[0:0:0:0:0:0:0:1]" and "10.0.0.7"
        assertEquals("198.51.100.9", proxied.client("[0:0:0:0:0:0:0:1]", "198.51.100.9"));
        assertTrue(proxied.secure("0:0:0:0:0:0:0:1", "http", "https"));
        assertEquals("198.51.100.9", proxied.client("::ffff:10.0.0.7", "198.51.100.9"));
        assertEquals("203.0.113.5", proxied.client("203.0.113.5", "198.51.100.9"), "not a proxy");
        assertEquals("localhost", TransportPolicy.canonical("localhost"), "a name is never looked up");
        assertEquals("cafe.beef", TransportPolicy.canonical("cafe.beef"), "hex letters with dots are a name");
        // a client's own X-Forwarded-Proto comes first; the trusted proxy's, last, is the one believed
        assertFalse(proxied.secure("10.0.0.7", "http", "https, http"));
        assertTrue(proxied.secure("10.0.0.7", "http", "http,https"));
    }
}
