package org.apom.security.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the login limits count by: an IPv4 address as it is, but an IPv6 address by its /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise try passwords from 2^64 addresses, each with a fresh
 * budget. An IPv6 address that carries an IPv4 one (IPv4-mapped {@code ::ffff:0:0/96}, SIIT
 * {@code ::ffff:0:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96}) counts as that IPv4 address,
 * so that the IPv4 clients behind a translator do not share one budget. A port after {@code [...]} is dropped.
 * The text is parsed by hand, in bounded time, and never resolved, so a forwarded header naming a host costs no
 * DNS lookup; anything that is no IPv6 literal is kept as it is.
 */
public final class AddressBlock {

    /** Longer than any IPv6 literal with brackets, a zone and a port. */
    private static final int MAX_LENGTH = 64;

    private AddressBlock() {
    }

    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0 || address.length() > MAX_LENGTH) {
            return address;
        }
        String literal = address;
        if (literal.startsWith("[")) {
            int end = literal.indexOf(']');
            if (end < 0 || !(end == literal.length() - 1 || literal.charAt(end + 1) == ':')) {
                return address;
            }
            literal = literal.substring(1, end);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        int[] groups = groups(literal);
        if (groups == null) {
            return address;
        }
        String ipv4 = embeddedIpv4(groups);
        if (ipv4 != null) {
            return ipv4;
        }
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            block.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT)).append(':');
        }
        return block.append(":/64").toString();
    }

    private static String embeddedIpv4(int[] g) {
        boolean zeroFirst64 = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0;
        boolean mapped = zeroFirst64 && g[4] == 0 && g[5] == 0xffff;
        boolean siit = zeroFirst64 && g[4] == 0xffff && g[5] == 0;
        boolean compatible = zeroFirst64 && g[4] == 0 && g[5] == 0 && !(g[6] == 0 && g[7] <= 1);
        boolean nat64 = g[0] == 0x64 && g[1] == 0xff9b && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0;
        if (!(mapped || siit || compatible || nat64)) {
            return null;
        }
        return (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff);
    }

    /** The eight 16-bit groups of an IPv6 literal; {@code null} when it is none. */
    private static int[] groups(String literal) {
        int gap = literal.indexOf("::");
        if (gap >= 0 && literal.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = part(gap < 0 ? literal : literal.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : part(literal.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int missing = 8 - head.size() - tail.size();
        if (gap < 0 ? missing != 0 : missing < 1) {
            return null;
        }
        int[] all = new int[8];
        for (int i = 0; i < head.size(); i++) {
            all[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            all[8 - tail.size() + i] = tail.get(i);
        }
        return all;
    }

    /**
     * The groups of one side of {@code ::}; a dotted IPv4 address, allowed only at the very end of the literal
     * ({@code last}), counts as two.
     */
    private static List<Integer> part(String part, boolean last) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] split = part.split(":", -1);
        for (int i = 0; i < split.length; i++) {
            String g = split[i];
            if (last && i == split.length - 1 && g.indexOf('.') >= 0) {
                int[] ipv4 = ipv4(g);
                if (ipv4 == null) {
                    return null;
                }
                groups.add(ipv4[0] << 8 | ipv4[1]);
                groups.add(ipv4[2] << 8 | ipv4[3]);
            } else if (!g.isEmpty() && g.length() <= 4 && g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                groups.add(Integer.parseInt(g, 16));
            } else {
                return null;
            }
        }
        return groups;
    }

    private static int[] ipv4(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            octets[i] = Integer.parseInt(p);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }
}
