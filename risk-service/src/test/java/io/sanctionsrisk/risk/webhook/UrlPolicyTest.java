package io.sanctionsrisk.risk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF policy with its production defaults (https, public addresses only) and a DNS the test controls. */
class UrlPolicyTest {

    private final Map<String, String> dns = new ConcurrentHashMap<>(Map.of(
            "alerts.bank.example", "93.184.216.34",
            "internal.bank.example", "10.20.30.40",
            "v6.bank.example", "2606:2800:220:1:248:1893:25c8:1946",
            "mixed.bank.example", "93.184.216.34,169.254.169.254"));

    private final UrlPolicy defaults = new UrlPolicy(List.of("https"), List.of(), List.of(), this::resolve);

    private InetAddress[] resolve(String host) throws UnknownHostException {
        if (AddressRange.isLiteral(host)) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        String answer = dns.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        String[] parts = answer.split(",");
        InetAddress[] addresses = new InetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            addresses[i] = InetAddress.getByAddress(
                    host, InetAddress.getByName(parts[i]).getAddress());
        }
        return addresses;
    }

    @Test
    void allowsHttpsToPublicAddresses() throws Exception {
        UrlPolicy.Target target = defaults.check("https://alerts.bank.example/hooks?x=1");
        assertEquals("alerts.bank.example", target.host());
        assertEquals(443, target.port());
        assertTrue(target.tls());
        assertEquals("93.184.216.34", target.address().getHostAddress());
        assertEquals(8443, defaults.check("https://v6.bank.example:8443/").port());
        defaults.check("https://93.184.216.34/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://169.254.169.254/latest/meta-data/",
                "https://[fe80::1]/",
                "https://[fe80::a00:27ff:fe4e:66a1%25eth0]/",
                "https://127.0.0.1/",
                "https://127.1.2.3:8443/",
                "https://[::1]/",
                "https://0.0.0.0/",
                "https://10.0.0.1/",
                "https://172.16.5.4/",
                "https://192.168.1.1/",
                "https://100.100.100.200/",
                "https://[fd00:ec2::254]/",
                "https://[::ffff:169.254.169.254]/",
                "https://[::ffff:7f00:1]/",
                "https://224.0.0.1/",
                "https://255.255.255.255/",
                "https://internal.bank.example/",
                "https://mixed.bank.example/",
                "https://metadata.google.internal/computeMetadata/v1/",
                "https://unknown.bank.example/",
                "http://alerts.bank.example/",
                "ftp://alerts.bank.example/",
                "file:///etc/passwd",
                "https://user:password@alerts.bank.example/",
                "https://alerts.bank.example/#fragment",
                "/relative/path",
                "not a url",
                "mailto:risk@bank.example",
                ""
            })
    void refusesWhatMayNotBeReached(String url) {
        assertThrows(UrlPolicy.Refused.class, () -> defaults.check(url), url);
    }

    @Test
    void namesTheKindOfAddressRefused() {
        UrlPolicy.Refused metadata =
                assertThrows(UrlPolicy.Refused.class, () -> defaults.check("https://169.254.169.254/"));
        assertTrue(metadata.getMessage().contains("link-local"), metadata.getMessage());
        UrlPolicy.Refused scheme =
                assertThrows(UrlPolicy.Refused.class, () -> defaults.check("http://alerts.bank.example/"));
        assertTrue(scheme.getMessage().contains("scheme http is not allowed"), scheme.getMessage());
    }

    @Test
    void catchesANameThatResolvesElsewhereAtDelivery() throws Exception {
        defaults.check("https://alerts.bank.example/hooks");
        dns.put("alerts.bank.example", "169.254.169.254");
        UrlPolicy.Refused refused =
                assertThrows(UrlPolicy.Refused.class, () -> defaults.check("https://alerts.bank.example/hooks"));
        assertTrue(refused.getMessage().contains("169.254.169.254"), refused.getMessage());
    }

    @Test
    void allowsOnlyListedHostsWhenAListIsSet() throws Exception {
        UrlPolicy listed = new UrlPolicy(
                List.of("https"), List.of("*.bank.example", "hooks.partner.example"), List.of(), this::resolve);
        listed.check("https://alerts.bank.example/");
        dns.put("hooks.partner.example", "93.184.216.35");
        listed.check("https://hooks.partner.example/");
        dns.put("evil.example", "93.184.216.36");
        assertThrows(UrlPolicy.Refused.class, () -> listed.check("https://evil.example/"));
        assertThrows(UrlPolicy.Refused.class, () -> listed.check("https://bank.example.evil.example/"));
        assertThrows(UrlPolicy.Refused.class, () -> listed.check("https://93.184.216.34/"));
        assertThrows(
                UrlPolicy.Refused.class, () -> listed.check("https://internal.bank.example/"), "still public only");
    }

    @Test
    void allowedRangesOpenOnlyWhatTheyName() throws Exception {
        UrlPolicy local = new UrlPolicy(List.of("http", "https"), List.of(), List.of("127.0.0.1/32"), this::resolve);
        local.check("http://127.0.0.1:8090/hooks");
        assertThrows(UrlPolicy.Refused.class, () -> local.check("http://127.0.0.2/"));
        assertThrows(UrlPolicy.Refused.class, () -> local.check("http://[::1]/"));
        assertThrows(UrlPolicy.Refused.class, () -> local.check("http://169.254.169.254/"));
    }

    @Test
    void readsAddressRanges() {
        AddressRange v4 = AddressRange.parse("172.16.0.0/12");
        assertTrue(v4.contains(addr("172.31.255.255")));
        assertTrue(!v4.contains(addr("172.32.0.0")));
        AddressRange v6 = AddressRange.parse("fe80::/10");
        assertTrue(v6.contains(addr("febf::1")));
        assertTrue(!v6.contains(addr("fec0::1")));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("example.com/8"));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/33"));
    }

    private static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
