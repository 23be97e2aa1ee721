package org.apom.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    /** Names as an attacker would point them: at this machine, at the metadata service, at nothing. */
    private static final Map<String, String> DNS = Map.ofEntries(
            Map.entry("hooks.example.go.th", "203.0.113.10"),
            Map.entry("a.moi.example", "10.1.2.3"),
            Map.entry("rebound.example.go.th", "169.254.169.254"),
            Map.entry("local.example.go.th", "127.0.0.1"),
            Map.entry("zero.example.go.th", "0.0.0.0"),
            Map.entry("v6.example.go.th", "fe80::1"),
            Map.entry("compat.example.go.th", "::a9fe:a9fe"),
            Map.entry("nat64.example.go.th", "64:ff9b::a9fe:a9fe"),
            Map.entry("sixtofour.example.go.th", "2002:a9fe:a9fe::1"),
            Map.entry("aws6.example.go.th", "fd00:ec2::254"),
            Map.entry("mapped.example.go.th", "::ffff:127.0.0.1"));

    private static WebhookTargets targets(String allowed, boolean loopback) {
        return new WebhookTargets(allowed, loopback, host -> {
            String address = DNS.get(host);
            if (address == null) {
                if (host.matches("[0-9.:a-f]+")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        });
    }

    private static String refusal(WebhookTargets targets, String url) {
        return assertThrows(WebhookTargets.Refused.class, () -> targets.check(url)).code();
    }

    @Test
    void anAllowedHttpsHostPasses() throws Exception {
        WebhookTargets targets = targets("hooks.example.go.th, *.moi.example", false);
        assertEquals("https://hooks.example.go.th/apom?x=1", targets.check("https://hooks.example.go.th/apom?x=1")
                .toString());
        assertEquals("https://A.moi.example:8443/h", targets.check("https://A.moi.example:8443/h").toString());
    }

    @Test
    void nothingPassesUntilACentralAdminAllowsHosts() {
        assertEquals("no-allowed-hosts", refusal(targets("", false), "https://hooks.example.go.th/"));
    }

    @Test
    void hostsOffTheListAreRefusedHoweverSpelt() {
        WebhookTargets targets = targets("hooks.example.go.th, *.moi.example", false);
        assertEquals("host-not-allowed", refusal(targets, "https://evil.example/"));
        assertEquals("host-not-allowed", refusal(targets, "https://hooks.example.go.th.evil.example/"));
        assertEquals("host-not-allowed", refusal(targets, "https://moi.example/"));
        assertEquals("host-not-allowed", refusal(targets, "https://xmoi.example/"));
        assertEquals("host-not-allowed", refusal(targets, "https://169.254.169.254/latest/meta-data"));
    }

    @Test
    void anAllowedNameThatResolvesToAForbiddenAddressIsRefused() {
        WebhookTargets targets = targets("*.example.go.th", false);
        assertEquals("address-not-allowed", refusal(targets, "https://rebound.example.go.th/"));
        assertEquals("address-not-allowed", refusal(targets, "https://local.example.go.th/"));
        assertEquals("address-not-allowed", refusal(targets, "https://zero.example.go.th/"));
        assertEquals("address-not-allowed", refusal(targets, "https://v6.example.go.th/"));
        assertEquals("unknown-host", refusal(targets, "https://missing.example.go.th/"));
    }

    @Test
    void metadataAndLoopbackInsideIpv6FormsAreRefusedToo() {
        WebhookTargets targets = targets("*.example.go.th", false);
        for (String host : List.of("compat", "nat64", "sixtofour", "aws6", "mapped")) {
            assertEquals("address-not-allowed", refusal(targets, "https://" + host + ".example.go.th/"), host);
        }
    }

    @Test
    void portsOutOfRangeAndHostsThatAreNoNamesAreRefusedNotFailed() throws Exception {
        WebhookTargets targets = targets("hooks.example.go.th", false);
        assertEquals("url", refusal(targets, "https://hooks.example.go.th:99999/"));
        assertEquals("url", refusal(targets, "https://hooks.example.go.th:0/"));
        assertEquals("url", refusal(targets, "https://" + "a".repeat(64) + ".example.go.th/"));
        assertEquals("https://hooks.example.go.th:8443/x", targets.check("https://hooks.example.go.th:8443/x")
                .toString());
        assertEquals("HTTPS://hooks.example.go.th/x", targets.check("HTTPS://hooks.example.go.th/x").toString());
        // an entry of the list that is no name is left out, not fatal
        assertEquals(List.of("hooks.example.go.th"), new WebhookTargets("a" + ".b".repeat(1) + "x".repeat(64)
                + ", hooks.example.go.th", false, host -> new InetAddress[0]).allowed());
    }

    @Test
    void evenAListedLinkLocalAddressIsNeverReached() {
        assertEquals("address-not-allowed", refusal(targets("169.254.169.254", true), "https://169.254.169.254/"));
    }

    @Test
    void plainHttpOnlyToLoopbackInDevelopment() throws Exception {
        assertEquals("https-required", refusal(targets("hooks.example.go.th", true), "http://hooks.example.go.th/"));
        assertEquals("address-not-allowed", refusal(targets("127.0.0.1", false), "http://127.0.0.1:8080/h"));
        assertEquals("http://127.0.0.1:8080/h", targets("127.0.0.1", true).check("http://127.0.0.1:8080/h")
                .toString());
        assertEquals("http://[::1]:8080/h", targets("::1", true).check("http://[::1]:8080/h").toString());
    }

    @Test
    void urlsThatAreNotPlainHttpsAddressesAreRefused() {
        WebhookTargets targets = targets("hooks.example.go.th", false);
        assertEquals("url", refusal(targets, null));
        assertEquals("url", refusal(targets, " "));
        assertEquals("url", refusal(targets, "ftp://hooks.example.go.th/"));
        assertEquals("url", refusal(targets, "file:///etc/passwd"));
        assertEquals("url", refusal(targets, "/relative"));
        assertEquals("url", refusal(targets, "https://user:pw@hooks.example.go.th/"));
        assertEquals("url", refusal(targets, "https://hooks.example.go.th/#x"));
        assertEquals("url", refusal(targets, "https://hooks.example.go.th/" + "a".repeat(2000)));
        assertEquals("url", refusal(targets, "https://hooks example/"));
    }
}
