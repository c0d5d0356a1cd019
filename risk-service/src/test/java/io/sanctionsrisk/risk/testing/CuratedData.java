package io.sanctionsrisk.risk.testing;

/** The curated seed alone, on a schema no other test writes to; the curated reports share it. */
public class CuratedData implements WithSanctionsService {
    @Override
    public String sanctionsSchema() {
        return "risk_curated";
    }
}
