package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.scoring.ExposureFactor;
import io.sanctionsrisk.cadence.scoring.ExposureProfile;

/** A validated institution: its codes resolved to a cell of the serving snapshot's grid. */
public record Institution(
        String id, String sector, String country, String region, int horizonDays, ExposureProfile exposure, int cell) {

    /** The canonical line of the audit digest: tab-separated, exposure levels in the factors' order. */
    void appendCanonical(StringBuilder out) {
        out.append(id == null ? "" : escape(id))
                .append('\t')
                .append(sector)
                .append('\t')
                .append(country)
                .append('\t')
                .append(horizonDays);
        for (ExposureFactor factor : ExposureFactor.values()) {
            int level = exposure.level(factor);
            out.append('\t').append(level < 0 ? "" : factor.levels().get(level));
        }
        out.append('\n');
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }
}
