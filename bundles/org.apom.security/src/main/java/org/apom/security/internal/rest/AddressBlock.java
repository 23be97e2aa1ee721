package org.apom.security.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the login limits count by: an IPv4 address as it is, but an IPv6 address by its /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise try passwords from 2^64 addresses, each with a fresh
 * budget. An IPv4-mapped IPv6 address counts as its IPv4 address. The text is parsed by hand, never resolved, so
 * a forwarded header naming a host costs no DNS lookup; anything that is no IPv6 literal is kept as it is.
 */
final class AddressBlock {

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern MAPPED_IPV4 = Pattern.compile("(?i)(0{1,4}:){0,5}(::)?(0{1,4}:)*ffff:(\\d{1,3}(\\.\\d{1,3}){3})");

    private AddressBlock() {
    }

    static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!IPV6.matcher(literal).matches()) {
            return address;
        }
        var mapped = MAPPED_IPV4.matcher(literal);
        if (mapped.matches()) {
            return mapped.group(4);
        }
        List<String> hextets = hextets(literal);
        if (hextets == null) {
            return address;
        }
        return String.join(":", hextets.subList(0, 4)) + "::/64";
    }

    /** The eight groups of the address, without leading zeros; {@code null} when it is no IPv6 address. */
    private static List<String> hextets(String literal) {
        int gap = literal.indexOf("::");
        if (gap >= 0 && literal.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<String> head = groups(gap < 0 ? literal : literal.substring(0, gap));
        List<String> tail = gap < 0 ? List.of() : groups(literal.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int missing = 8 - head.size() - tail.size();
        if (gap < 0 ? missing != 0 : missing < 1) {
            return null;
        }
        List<String> all = new ArrayList<>(head);
        for (int i = 0; i < missing; i++) {
            all.add("0");
        }
        all.addAll(tail);
        return all;
    }

    /** Groups of a part of the address; an embedded IPv4 address at its end counts as two. */
    private static List<String> groups(String part) {
        List<String> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] split = part.split(":", -1);
        for (int i = 0; i < split.length; i++) {
            String g = split[i];
            if (i == split.length - 1 && g.contains(".")) {
                groups.add("ipv4-high");
                groups.add("ipv4-low");
            } else if (g.length() >= 1 && g.length() <= 4 && g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                groups.add(Integer.toHexString(Integer.parseInt(g, 16)).toLowerCase(Locale.ROOT));
            } else {
                return null;
            }
        }
        return groups;
    }
}
