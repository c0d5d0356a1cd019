package io.sanctionsrisk.risk.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where deliveries may go, against server-side request forgery. A URL must be absolute, of an allowed scheme, without
 * user info or fragment, and (when {@code risk.webhooks.addresses.allowed-hosts} is set) of an allowed host. Every
 * address its host resolves to must be public: loopback, private, carrier-grade NAT, link-local (169.254.0.0/16,
 * fe80::/10, where the cloud metadata services answer), unique-local, multicast, reserved and documentation ranges are
 * refused unless {@code allowed-ranges} lists them, and the metadata host names are refused whatever they resolve to.
 * The check runs on registration and again at every attempt, whose connection then goes to the address checked, so a
 * name that later resolves elsewhere (DNS rebinding) is caught.
 */
@ApplicationScoped
public class UrlPolicy {

    static final int MAX_URL_LENGTH = 2000;

    /**
     * Ranges no delivery may reach unless allowed explicitly, with the word the refusal uses. IPv4-mapped IPv6
     * addresses (::ffff:a.b.c.d) need no entry: Java reads them as the IPv4 address they carry.
     */
    private static final List<Named> DENIED = List.of(
            named("0.0.0.0/8", "an unspecified (this-network)"),
            named("10.0.0.0/8", "a private"),
            named("100.64.0.0/10", "a carrier-grade NAT"),
            named("127.0.0.0/8", "a loopback"),
            named("169.254.0.0/16", "a link-local (cloud metadata)"),
            named("172.16.0.0/12", "a private"),
            named("192.0.0.0/24", "a reserved"),
            named("192.0.2.0/24", "a documentation"),
            named("192.88.99.0/24", "a reserved"),
            named("192.168.0.0/16", "a private"),
            named("198.18.0.0/15", "a benchmarking"),
            named("198.51.100.0/24", "a documentation"),
            named("203.0.113.0/24", "a documentation"),
            named("224.0.0.0/4", "a multicast"),
            named("240.0.0.0/4", "a reserved"),
            named("::/128", "an unspecified"),
            named("::1/128", "a loopback"),
            named("64:ff9b::/96", "a NAT64"),
            named("100::/64", "a discard"),
            named("2001::/23", "a reserved"),
            named("2001:db8::/32", "a documentation"),
            named("2002::/16", "a 6to4"),
            named("fc00::/7", "a unique-local (private)"),
            named("fe80::/10", "a link-local"),
            named("fec0::/10", "a site-local"),
            named("ff00::/8", "a multicast"));

    /** Host names of cloud metadata services, refused whatever they resolve to. */
    private static final Set<String> METADATA_HOSTS = Set.of(
            "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal");

    /** Resolves a host name to its addresses; the tests give another one to play DNS. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> schemes;
    private final List<String> hosts;
    private final List<AddressRange> allowedRanges;
    private final Resolver resolver;

    @Inject
    public UrlPolicy(WebhookConfig config) {
        this(
                config.addresses().allowedSchemes(),
                config.addresses().allowedHosts().orElse(List.of()),
                config.addresses().allowedRanges().orElse(List.of()),
                InetAddress::getAllByName);
    }

    UrlPolicy(List<String> schemes, List<String> hosts, List<String> allowedRanges, Resolver resolver) {
        this.schemes = Set.copyOf(
                schemes.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList());
        this.hosts = hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        this.allowedRanges = allowedRanges.stream().map(AddressRange::parse).toList();
        this.resolver = resolver;
    }

    /** A URL that may not be used, with the reason in words. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The checked URL and the address a delivery connects to. */
    public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {}

    /** Checks a URL and resolves it; the target's address is the one to connect to. */
    public Target check(String url) throws Refused {
        URI uri = parse(url);
        String host = host(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new Refused("the host " + host + " resolves to " + address.getHostAddress() + ", " + refusal
                        + " address that deliveries may not reach");
            }
        }
        boolean tls = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        return new Target(uri, host, port, tls, addresses[0]);
    }

    private URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL: " + e.getReason());
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new Refused("must be an absolute URL such as https://alerts.example.com/hooks");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new Refused("the scheme " + scheme + " is not allowed; allowed: " + String.join(", ", schemes));
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("the scheme " + scheme + " cannot be delivered to; use http or https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry user info (name:password@); authenticate with the signature");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment (#...)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("has no host");
        }
        return uri;
    }

    private String host(URI uri) throws Refused {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (METADATA_HOSTS.contains(host)) {
            throw new Refused("the host " + host + " is a cloud metadata service");
        }
        if (!hosts.isEmpty() && hosts.stream().noneMatch(allowed(host))) {
            throw new Refused("the host " + host + " is not in risk.webhooks.addresses.allowed-hosts");
        }
        return host;
    }

    private static java.util.function.Predicate<String> allowed(String host) {
        return pattern -> pattern.startsWith("*.")
                ? host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1
                : host.equals(pattern);
    }

    /** Why the address may not be reached, as "a private" etc., or null when it may. */
    String refusal(InetAddress address) {
        for (AddressRange range : allowedRanges) {
            if (range.contains(address)) {
                return null;
            }
        }
        for (Named denied : DENIED) {
            if (denied.range().contains(address)) {
                return denied.kind();
            }
        }
        return null;
    }

    private record Named(AddressRange range, String kind) {}

    private static Named named(String cidr, String kind) {
        return new Named(AddressRange.parse(cidr), kind);
    }
}
