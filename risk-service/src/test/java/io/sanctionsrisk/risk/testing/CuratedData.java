package io.sanctionsrisk.risk.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The curated seed alone, on a schema no other test writes to; the curated reports share it. The refit's
 * bootstrap of the sanctions term takes its size and budget from {@code -Dcurated.bootstrap.replicates} and
 * {@code -Dcurated.bootstrap.budget} (default: the test profile's small run), so the report can run the full one.
 */
public class CuratedData implements WithSanctionsService {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> out = new HashMap<>();
        // a refit with the full bootstrap and the quarterly cell backtests answer after minutes, not seconds
        out.put("quarkus.http.test-timeout", "30m");
        String replicates = System.getProperty("curated.bootstrap.replicates");
        if (replicates != null) {
            out.put("risk.refit.bootstrap-replicates", replicates);
        }
        String budget = System.getProperty("curated.bootstrap.budget");
        if (budget != null) {
            out.put("risk.refit.bootstrap-budget", budget);
        }
        return out;
    }

    @Override
    public String sanctionsSchema() {
        return "risk_curated";
    }
}
