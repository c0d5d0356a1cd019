package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.fit.ParameterEstimate;
import io.sanctionsrisk.risk.web.Numbers;

/** One fitted parameter with its standard error and 95% interval; null where not available, with the reason. */
public record StoredEstimate(
        String name,
        double estimate,
        Double standardError,
        Double lower95,
        Double upper95,

        boolean wellIdentified,

        String note) {

    public static StoredEstimate of(ParameterEstimate e) {
        return new StoredEstimate(
                e.name(),
                e.estimate(),
                Numbers.finite(e.standardError()),
                Numbers.finite(e.lower95()),
                Numbers.finite(e.upper95()),
                e.wellIdentified(),
                e.reason());
    }
}
