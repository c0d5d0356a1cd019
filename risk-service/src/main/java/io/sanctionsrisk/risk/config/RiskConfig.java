package io.sanctionsrisk.risk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The risk-service's own settings, under the {@code risk.} prefix of application.properties. Every key can be
 * overridden by its environment variable (upper case, dots and dashes as underscores: {@code
 * risk.refit.check-interval} is {@code RISK_REFIT_CHECK_INTERVAL}).
 */
@ConfigMapping(prefix = "risk")
public interface RiskConfig {

    Refit refit();

    Dataset dataset();

    Marks marks();

    Fits fits();

    Intensity intensity();

    Sanctions sanctions();

    Scores scores();

    Exposure exposure();

    interface Refit {
        /** Whether the scheduled data-version check runs at all (a refit on demand always works). */
        @WithDefault("true")
        boolean scheduleEnabled();

        /** How often the sanctions-service's data version is checked; a change triggers a refit. */
        @WithDefault("60s")
        Duration checkInterval();

        /** Delay after start-up before the first check. */
        @WithDefault("5s")
        Duration initialDelay();

        /** Serving data older than this (since the last successful sync) is flagged stale. */
        @WithDefault("15m")
        Duration staleAfter();

        /** How long a refit waits for another replica's refit to finish before answering 202. */
        @WithDefault("60s")
        Duration lockWait();

        /** A refit lease not released within this time is considered abandoned (its holder died). */
        @WithDefault("10m")
        Duration leaseTimeout();

        /** Wall-clock budget of one snapshot fit. */
        @WithDefault("120s")
        Duration fitBudget();

        /** Deterministic starting points per optimisation (1..9). */
        @WithDefault("3")
        int starts();

        /** Retry-After (seconds) sent with 503 when there is no snapshot yet. */
        @WithDefault("30")
        int retryAfterSeconds();

        /**
         * Parametric-bootstrap replicates of the sanctions term run by each snapshot fit (0: none). The replicates
         * that finish within {@link #bootstrapBudget()} count, in seed order (MODEL.md, "The served model").
         */
        @WithDefault("199")
        int bootstrapReplicates();

        /** Wall-clock budget of the bootstrap inside a snapshot fit. */
        @WithDefault("30s")
        Duration bootstrapBudget();

        /** Seed of the bootstrap's simulations. */
        @WithDefault("20251130")
        long bootstrapSeed();

        /** Whether a snapshot fit also fits the log-linear trend baseline, to record the served-model choice. */
        @WithDefault("true")
        boolean trendComparison();
    }

    interface Dataset {
        /**
         * First day of the observation window. Unset: 1 January of the year of the earliest incident (so the
         * window is a function of the data alone).
         */
        Optional<LocalDate> windowStart();

        /**
         * Last day of the observation window (inclusive). Unset: the last day of the month of the latest dated
         * record (incident first action or sanction effective date).
         */
        Optional<LocalDate> windowEnd();

        /** Incidents with a lower attribution confidence (0..100) are left out; unknown confidence is kept. */
        @WithDefault("0")
        int minAttributionConfidence();

        /**
         * Measure codes treated as reactions to heists rather than shocks (e.g. cyber-actor-designation,
         * crypto-mixer-designation, criminal-charges): a tightening sanction whose measures are all listed gets weight
         * 0. Unset: every tightening sanction weighs its severity.
         */
        Optional<java.util.List<String>> zeroWeightMeasures();
    }

    interface Marks {
        /**
         * Where heists land: {@code adaptive} (time-discounted cell counts shrunk toward the sector and region
         * shares, half-life and prior strength chosen prequentially on the data before each inner origin; MODEL.md
         * section 7) or {@code static} (one symmetric Dirichlet over all the years alike, the earlier rule).
         */
        @WithDefault("adaptive")
        String cellModel();

        /** Years after the window start of the first inner origin of the prequential choice (quarterly after). */
        @WithDefault("1")
        int selectionStartYears();
    }

    interface Fits {
        /** Most events an inline fit (POST /api/v1/model/fits) accepts; more is a 413 problem. */
        @WithDefault("2000000")
        int maxEvents();

        /** Most sanctions an inline fit accepts. */
        @WithDefault("10000")
        int maxSanctions();

        /** Time budget of an inline fit when the request names none. */
        @WithDefault("20s")
        Duration defaultBudget();

        /** Largest time budget a request may ask for. */
        @WithDefault("120s")
        Duration maxBudget();

        /** Inline fits running at once on one replica; more wait up to queue-wait, then get 503. */
        @WithDefault("2")
        int maxConcurrent();

        /** How long an inline fit waits for a free slot. */
        @WithDefault("5s")
        Duration queueWait();
    }

    interface Intensity {
        /** Most points one intensity request may return; more is a 400. */
        @WithDefault("5000")
        int maxPoints();

        /** Step in days when the request names none. */
        @WithDefault("7")
        int defaultStepDays();
    }

    interface Sanctions {
        /** Page size used when reading the sanctions-service's lists (its maximum is 500). */
        @WithDefault("500")
        int pageSize();

        /** Attempts at a consistent read (data version unchanged across all pages) before giving up. */
        @WithDefault("3")
        int consistentReadAttempts();
    }

    interface Scores {
        /** Horizon of a score or heatmap when the request names none. */
        @WithDefault("365")
        int defaultHorizonDays();

        /** Longest horizon a score or heatmap accepts (the shortest is 1 day). */
        @WithDefault("3650")
        int maxHorizonDays();

        /** Most institutions one batch may hold; more is a 413 problem. */
        @WithDefault("100000")
        int maxBatchItems();
    }

    /**
     * Hazard multipliers of the exposure factors, relative to the typical institution of the cell (1.0). Set by
     * judgement from the public reporting of the heists, not estimated from the data; a factor the caller leaves out
     * is not applied.
     */
    interface Exposure {
        SwiftConnectivity swiftConnectivity();

        CryptoCustody cryptoCustody();

        CorrespondentExposure correspondentExposure();

        ControlMaturity controlMaturity();

        interface SwiftConnectivity {
            /** No SWIFT access: the fraudulent-transfer vector of most bank heists is closed. */
            @WithDefault("0.4")
            double none();

            /** Through a service bureau or a correspondent: fewer of the institution's own systems to subvert. */
            @WithDefault("0.8")
            double indirect();

            /** Own SWIFT interface, the setting of Bangladesh Bank, TPBank, FEIB and Bancomext. */
            @WithDefault("1.2")
            double direct();
        }

        interface CryptoCustody {
            /** Holds no crypto assets: exchange, wallet and bridge thefts do not apply. */
            @WithDefault("0.7")
            double none();

            /** Offline (cold) custody only: key theft needs physical or signing-ceremony access. */
            @WithDefault("0.9")
            double coldOnly();

            /** Online hot wallets or bridge keys, the target of most thefts since 2018. */
            @WithDefault("1.6")
            double hotWallet();
        }

        interface CorrespondentExposure {
            /** Few correspondent ties to high-risk jurisdictions: fewer laundering paths for a theft. */
            @WithDefault("0.8")
            double low();

            /** Typical correspondent exposure. */
            @WithDefault("1.0")
            double medium();

            /** Many correspondent ties to high-risk jurisdictions, as in the 2016-2018 SWIFT cases. */
            @WithDefault("1.4")
            double high();
        }

        interface ControlMaturity {
            /** Segmented payment systems, transaction-pattern monitoring and SWIFT CSP attestation. */
            @WithDefault("0.6")
            double advanced();

            /** Typical controls. */
            @WithDefault("1.0")
            double intermediate();

            /** Flat networks and no out-of-band payment confirmation: long undetected dwell times. */
            @WithDefault("1.5")
            double basic();
        }
    }
}
