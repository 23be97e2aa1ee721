package org.apom.security.internal.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Where a request really comes from and whether it came encrypted: the direct peer, unless that peer is a
 * configured reverse proxy, whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are then believed. A
 * password (Basic) travels only over HTTPS, or over plain HTTP from this host itself, unless configured otherwise.
 */
public final class TransportPolicy {

    private final boolean allowBasicOverHttp;
    private final Set<String> trustedProxies;

    public TransportPolicy(boolean allowBasicOverHttp, Set<String> trustedProxies) {
        this.allowBasicOverHttp = allowBasicOverHttp;
        // as the peer's address is compared: "::1" in the configuration is Jetty's "0:0:0:0:0:0:0:1"
        this.trustedProxies = trustedProxies.stream().map(TransportPolicy::canonical)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The client's address: the peer's, or the last hop a trusted proxy names. */
    public String client(String rawPeer, String forwardedFor) {
        String peer = canonical(rawPeer);
        if (peer == null) {
            return "unknown";
        }
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String last = last(forwardedFor);
        return last.isEmpty() ? peer : last;
    }

    /** The last of a header's comma-separated values (a proxy appends its own after any the client sent). */
    private static String last(String header) {
        String[] hops = header.split(",");
        return hops.length == 0 ? "" : hops[hops.length - 1].strip();
    }

    /** Whether the request reached the client's end encrypted. */
    public boolean secure(String rawPeer, String scheme, String forwardedProto) {
        String peer = canonical(rawPeer);
        if (peer != null && trustedProxies.contains(peer) && forwardedProto != null) {
            // the hop the trusted proxy itself added comes last, as for X-Forwarded-For
            return "https".equalsIgnoreCase(last(forwardedProto));
        }
        return "https".equalsIgnoreCase(scheme);
    }

    /** Whether Basic credentials may be read from this request. */
    public boolean basicAllowed(String rawPeer, String scheme, String forwardedProto) {
        String peer = canonical(rawPeer);
        if (allowBasicOverHttp || secure(peer, scheme, forwardedProto)) {
            return true;
        }
        // a trusted proxy that says "http" speaks for a client elsewhere, even though it is itself local
        boolean proxied = peer != null && trustedProxies.contains(peer) && forwardedProto != null;
        return !proxied && isLoopback(peer);
    }

    /**
     * The peer's address without the brackets Jetty puts round an IPv6 one ("[0:0:0:0:0:0:0:1]"): with them, a
     * browser on this host that reached it over ::1 was refused its password as if it were elsewhere, and a proxy
     * listed by its IPv6 address was never believed.
     */
    static String bare(String peer) {
        return peer != null && peer.length() > 2 && peer.startsWith("[") && peer.endsWith("]")
                ? peer.substring(1, peer.length() - 1) : peer;
    }

    /**
     * An address as it is compared: without brackets and, when it is a literal IP address, in Java's one written
     * form ("::1" and "0:0:0:0:0:0:0:1" are one address; so are "::ffff:10.0.0.1" and "10.0.0.1").
     */
    static String canonical(String address) {
        String bare = bare(address == null ? null : address.strip());
        if (!isLiteral(bare)) {
            return bare;
        }
        try {
            return InetAddress.getByName(bare).getHostAddress();
        } catch (UnknownHostException e) {
            return bare;
        }
    }

    /**
     * Only literal addresses are parsed, so no name is ever looked up here: dotted decimal digits (IPv4), or hex
     * digits with colons (IPv6, perhaps ending in an IPv4 part); "cafe.beef" is a name, not an address.
     */
    private static boolean isLiteral(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        if (address.indexOf(':') >= 0) {
            return address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%');
        }
        return address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        // only literal addresses come from the servlet container: no name is ever looked up here
        if (!address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%')) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
