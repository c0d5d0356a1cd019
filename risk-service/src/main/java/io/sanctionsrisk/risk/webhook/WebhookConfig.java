package io.sanctionsrisk.risk.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook subscriptions, deliveries and the outbound address policy, under {@code risk.webhooks.}. */
@ConfigMapping(prefix = "risk.webhooks")
public interface WebhookConfig {

    /** Most subscriptions one owner may hold; more is a 422 problem. */
    @WithDefault("25")
    int maxSubscriptionsPerOwner();

    /** Largest page of the lists. */
    @WithDefault("100")
    int maxPageSize();

    Delivery delivery();

    Addresses addresses();

    interface Delivery {
        /** Whether this replica's worker sends deliveries at all (rows are written either way). */
        @WithDefault("true")
        boolean enabled();

        /** Attempts before a delivery is dead-lettered (the first one included). */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; each later wait is {@link #backoffMultiplier()} times longer. */
        @WithDefault("10s")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        @WithDefault("2.0")
        double backoffMultiplier();

        /** Each wait is stretched by a random share up to this (0..1), so failed receivers are not hit in step. */
        @WithDefault("0.2")
        double jitter();

        /** Deliveries sent at once by one replica. */
        @WithDefault("32")
        int workers();

        /** Deliveries sent at once to one subscription, so a slow receiver holds at most this many workers. */
        @WithDefault("8")
        int maxInFlightPerSubscription();

        /** How long to wait for the receiver's connection. */
        @WithDefault("3s")
        Duration connectTimeout();

        /** How long one attempt may take in all, answer included; longer is a failed attempt. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** How long a claimed delivery stays with its replica; a claim that runs out (the replica died) is retaken. */
        @WithDefault("2m")
        Duration claimTimeout();

        /** How often the worker looks for due deliveries when it was not woken by a new event. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Delivered and dead rows older than this are deleted. */
        @WithDefault("30d")
        Duration retention();
    }

    /** Where deliveries may go (SSRF): checked on registration and again on the resolved address at each attempt. */
    interface Addresses {
        /** URL schemes allowed. */
        @WithDefault("https")
        List<String> allowedSchemes();

        /**
         * Host names allowed ({@code example.com}, or {@code *.example.com} for its subdomains); unset: any host whose
         * addresses are public.
         */
        Optional<List<String>> allowedHosts();

        /**
         * Address ranges (CIDR) allowed even though they are loopback, private, link-local or otherwise internal; unset:
         * none. The local and test profiles allow 127.0.0.1/32.
         */
        Optional<List<String>> allowedRanges();
    }
}
