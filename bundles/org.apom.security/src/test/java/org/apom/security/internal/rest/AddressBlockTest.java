package org.apom.security.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressBlockTest {

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("2001:0DB8:0001:0002:ffff:eeee:dddd:cccc"));
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("[2001:db8:1:2:0:0:0:7]"));
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("[2001:db8:1:2::7]:443"), "a port buys no new budget");
        assertEquals("2001:db8:0:0::/64", AddressBlock.of("2001:db8::7"));
        assertEquals("fe80:0:0:0::/64", AddressBlock.of("fe80::1%eth0"));
        assertEquals("0:0:0:0::/64", AddressBlock.of("::1"));
    }

    @Test
    void anIpv6AddressCarryingAnIpv4OneCountsAsIt() {
        assertEquals("203.0.113.7", AddressBlock.of("::ffff:203.0.113.7"), "IPv4-mapped");
        assertEquals("192.0.2.1", AddressBlock.of("::ffff:c000:201"), "IPv4-mapped, in hex");
        assertEquals("1.2.3.4", AddressBlock.of("::ffff:0:1.2.3.4"), "SIIT");
        assertEquals("1.2.3.4", AddressBlock.of("::1.2.3.4"), "IPv4-compatible");
        assertEquals("198.51.100.7", AddressBlock.of("64:ff9b::198.51.100.7"), "NAT64");
        assertEquals("203.0.113.9", AddressBlock.of("64:ff9b::cb00:7109"), "NAT64, in hex");
    }

    @Test
    void ipv4AndAnythingElseStayAsTheyAre() {
        assertEquals("203.0.113.7", AddressBlock.of("203.0.113.7"));
        assertEquals("proxy.example", AddressBlock.of("proxy.example"));
        assertEquals("1:2:3", AddressBlock.of("1:2:3"), "no address: kept, never resolved");
        assertEquals("1::2::3", AddressBlock.of("1::2::3"));
        assertEquals("1.2.3.4::", AddressBlock.of("1.2.3.4::"), "IPv4 only at the end");
        assertEquals("::ffff:999.1.1.1", AddressBlock.of("::ffff:999.1.1.1"));
        assertEquals("1:2:3:4:5:6:7:8:9:10", AddressBlock.of("1:2:3:4:5:6:7:8:9:10"));
        assertEquals(null, AddressBlock.of(null));
    }

    @Test
    void aHugeForwardedValueIsKeptAsItIsInBoundedTime() {
        // once a regular expression that recursed per group overflowed the stack on this (a 500 before login)
        String huge = "0:".repeat(1_500) + "ffff:1.2.3";
        assertEquals(huge, AddressBlock.of(huge));
    }
}
