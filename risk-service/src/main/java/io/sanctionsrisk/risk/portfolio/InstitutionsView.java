package io.sanctionsrisk.risk.portfolio;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an upload: what is stored now, and its scoring on the serving snapshot. */
@Schema(name = "PortfolioInstitutions", description = "The stored institutions and their scoring")
public record InstitutionsView(
        String portfolioId, int institutionCount, String institutionsDigest, ScoringView scoring) {}
