package org.apom.security.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressBlockTest {

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("2001:0DB8:0001:0002:ffff:eeee:dddd:cccc"));
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("[2001:db8:1:2:0:0:0:7]"));
        assertEquals("2001:db8:0:0::/64", AddressBlock.of("2001:db8::7"));
        assertEquals("fe80:0:0:0::/64", AddressBlock.of("fe80::1%eth0"));
        assertEquals("0:0:0:0::/64", AddressBlock.of("::1"));
    }

    @Test
    void ipv4AndAnythingElseStayAsTheyAre() {
        assertEquals("203.0.113.7", AddressBlock.of("203.0.113.7"));
        assertEquals("203.0.113.7", AddressBlock.of("::ffff:203.0.113.7"), "an IPv4-mapped address is its IPv4");
        assertEquals("proxy.example", AddressBlock.of("proxy.example"));
        assertEquals("1:2:3", AddressBlock.of("1:2:3"), "no address: kept, never resolved");
        assertEquals("1::2::3", AddressBlock.of("1::2::3"));
        assertEquals(null, AddressBlock.of(null));
    }
}
