package org.apom.webhooks.internal;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apom.core.api.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a webhook may post: the defence against server-side request forgery. A URL passes only when its host is on
 * the central admin's allow-list and every address it resolves to is one a webhook may reach: never a link-local
 * address (the cloud metadata service lives at 169.254.169.254), a wildcard or multicast one, and loopback only in
 * development. It must be https, except to loopback in development. The check runs when the webhook is registered
 * and again before every attempt, since both the list and the name's addresses may change.
 */
final class WebhookTargets {

    /** Resolves a host name, as {@link InetAddress#getAllByName(String)} does (tests give their own). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL is refused: a stable code and the reason in English and Thai. */
    static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;
        private final String code;
        private final transient LocalizedText text;

        Refused(String code, String en, String th) {
            super(en, null, false, false);
            this.code = code;
            this.text = LocalizedText.of(en, th);
        }

        String code() {
            return code;
        }

        LocalizedText text() {
            return text;
        }
    }

    static final int MAX_URL = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookTargets.class);

    private final List<String> allowed;
    private final boolean allowLoopback;
    private final Resolver resolver;

    WebhookTargets(String allowedHosts, boolean allowLoopback, Resolver resolver) {
        this.allowed = Arrays.stream(allowedHosts.split(",")).map(h -> {
            try {
                return normalise(h.strip());
            } catch (IllegalArgumentException notAName) {
                LOG.warn("webhooks: allowedHosts entry '{}' is no host name; left out", h.strip());
                return "";
            }
        }).filter(h -> !h.isEmpty()).toList();
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    List<String> allowed() {
        return allowed;
    }

    /** The URL, parsed, when a webhook may post to it now. */
    URI check(String url) throws Refused {
        URI uri = parse(url);
        String host;
        try {
            host = normalise(uri.getHost());
        } catch (IllegalArgumentException e) {
            throw new Refused("url", "The URL's host is not a valid name: " + e.getMessage(),
                    "ชื่อโฮสต์ใน URL ไม่ถูกต้อง: " + e.getMessage());
        }
        if (allowed.isEmpty()) {
            throw new Refused("no-allowed-hosts", "No host is allowed for webhooks on this platform yet: a central "
                    + "admin lists them (allowedHosts in etc/org.apom.webhooks.cfg).",
                    "ยังไม่มีโฮสต์ที่อนุญาตให้ใช้ webhook ผู้ดูแลส่วนกลางต้องกำหนด allowedHosts ใน etc/org.apom.webhooks.cfg");
        }
        if (allowed.stream().noneMatch(a -> matches(a, host))) {
            throw new Refused("host-not-allowed", "The host " + host + " is not on the platform's list of hosts "
                    + "webhooks may post to; a central admin can add it.", "โฮสต์ " + host
                    + " ไม่อยู่ในรายการที่อนุญาตให้ webhook ส่งไปได้ ผู้ดูแลส่วนกลางเพิ่มได้");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("unknown-host", "The host " + host + " does not resolve to any address.",
                    "ไม่พบที่อยู่ของโฮสต์ " + host);
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            if (neverReached(address)) {
                throw new Refused("address-not-allowed", "The host " + host + " resolves to " + address.getHostAddress()
                        + ", an address webhooks never reach.", "โฮสต์ " + host + " ชี้ไปที่ "
                        + address.getHostAddress() + " ซึ่ง webhook ไม่ส่งไปเด็ดขาด");
            }
            if (address.isLoopbackAddress() && !allowLoopback) {
                throw new Refused("address-not-allowed", "The host " + host + " resolves to this machine ("
                        + address.getHostAddress() + "); webhooks post to this machine only in development "
                        + "(allowLoopback).", "โฮสต์ " + host + " ชี้มาที่เครื่องนี้ ("
                        + address.getHostAddress() + ") ซึ่งอนุญาตเฉพาะในโหมดพัฒนา (allowLoopback)");
            }
            allLoopback &= address.isLoopbackAddress();
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !allLoopback) {
            throw new Refused("https-required", "Webhooks post over https only (plain http only to this machine, in "
                    + "development).", "webhook ส่งผ่าน https เท่านั้น (http ได้เฉพาะเครื่องนี้ในโหมดพัฒนา)");
        }
        return uri;
    }

    private static URI parse(String url) throws Refused {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new Refused("url", "A webhook needs a URL of at most " + MAX_URL + " characters, such as "
                    + "https://hooks.example.go.th/apom.", "webhook ต้องมี URL ยาวไม่เกิน " + MAX_URL
                    + " ตัวอักษร เช่น https://hooks.example.go.th/apom");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("url", "The URL is not valid: " + e.getReason() + ".", "URL ไม่ถูกต้อง: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new Refused("url", "A webhook's URL is an https address with a host, such as "
                    + "https://hooks.example.go.th/apom.", "URL ของ webhook ต้องเป็นที่อยู่ https ที่มีโฮสต์ เช่น "
                    + "https://hooks.example.go.th/apom");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new Refused("url", "The URL's port " + uri.getPort() + " is not one from 1 to 65535.",
                    "พอร์ต " + uri.getPort() + " ใน URL ต้องอยู่ระหว่าง 1 ถึง 65535");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            // credentials in a URL end up in logs and lists; the signature is how a receiver knows the sender
            throw new Refused("url", "A webhook's URL carries no user name, password or #fragment.",
                    "URL ของ webhook ต้องไม่มีชื่อผู้ใช้ รหัสผ่าน หรือ #fragment");
        }
        return uri;
    }

    /** Addresses of cloud metadata services that lie outside link-local: AWS's IPv6 one, Alibaba's. */
    private static final List<String> METADATA = List.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

    /**
     * Whether no webhook may ever reach the address, whatever the list says: link-local (the metadata service at
     * 169.254.169.254), wildcard, multicast, broadcast and 0.0.0.0/8, known metadata services, and the same inside
     * IPv6 forms that embed an IPv4 address (::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), which Java does not
     * unwrap.
     */
    static boolean neverReached(InetAddress address) {
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
                || METADATA.contains(address.getHostAddress())) {
            return true;
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            return b[0] == 0 || (b[0] & 0xff) == 255 && (b[1] & 0xff) == 255 && (b[2] & 0xff) == 255
                    && (b[3] & 0xff) == 255;
        }
        if (address.isLoopbackAddress()) {
            return false; // ::1, which the loopback rule decides
        }
        InetAddress embedded = embeddedIpv4(address.getAddress());
        return embedded != null && (neverReached(embedded) || embedded.isLoopbackAddress()
                || embedded.isSiteLocalAddress());
    }

    /** The IPv4 address an IPv6 one carries (IPv4-compatible, NAT64, 6to4), or null. */
    private static InetAddress embeddedIpv4(byte[] v6) {
        if (v6.length != 16) {
            return null;
        }
        byte[] v4;
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= v6[i] == 0;
        }
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = v6[i] == 0;
        }
        if (compatible || nat64) {
            v4 = Arrays.copyOfRange(v6, 12, 16);
        } else if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            v4 = Arrays.copyOfRange(v6, 2, 6);
        } else {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean matches(String allowed, String host) {
        if (allowed.startsWith("*.")) {
            return host.endsWith(allowed.substring(1)) && host.length() > allowed.length() - 1;
        }
        return allowed.equals(host);
    }

    /** Lower case, no trailing dot, no IPv6 brackets, internationalised names in their ASCII form. */
    static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("*.")) {
            return "*." + IDN.toASCII(h.substring(2), IDN.ALLOW_UNASSIGNED);
        }
        return h.contains(":") || h.isEmpty() ? h : IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
    }
}
