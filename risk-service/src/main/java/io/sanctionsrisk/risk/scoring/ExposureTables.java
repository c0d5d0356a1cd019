package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.scoring.ExposureFactor;
import io.sanctionsrisk.cadence.scoring.ExposureTable;
import io.sanctionsrisk.risk.config.RiskConfig;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the exposure table (each factor's levels and their multipliers) from the configured
 * {@code risk.exposure.*} multipliers, as the scoring model takes it.
 */
public final class ExposureTables {

    private ExposureTables() {}

    /** The configured multipliers as the scoring model takes them. */
    public static ExposureTable of(RiskConfig.Exposure e) {
        Map<ExposureFactor, Map<String, Double>> m = new EnumMap<>(ExposureFactor.class);
        m.put(
                ExposureFactor.SWIFT_CONNECTIVITY,
                levels(
                        "none",
                        e.swiftConnectivity().none(),
                        "indirect",
                        e.swiftConnectivity().indirect(),
                        "direct",
                        e.swiftConnectivity().direct()));
        m.put(
                ExposureFactor.CRYPTO_CUSTODY,
                levels(
                        "none",
                        e.cryptoCustody().none(),
                        "cold-only",
                        e.cryptoCustody().coldOnly(),
                        "hot-wallet",
                        e.cryptoCustody().hotWallet()));
        m.put(
                ExposureFactor.CORRESPONDENT_EXPOSURE,
                levels(
                        "low",
                        e.correspondentExposure().low(),
                        "medium",
                        e.correspondentExposure().medium(),
                        "high",
                        e.correspondentExposure().high()));
        m.put(
                ExposureFactor.CONTROL_MATURITY,
                levels(
                        "advanced",
                        e.controlMaturity().advanced(),
                        "intermediate",
                        e.controlMaturity().intermediate(),
                        "basic",
                        e.controlMaturity().basic()));
        return new ExposureTable(m);
    }

    private static Map<String, Double> levels(String a, double ma, String b, double mb, String c, double mc) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(a, ma);
        out.put(b, mb);
        out.put(c, mc);
        return out;
    }
}
