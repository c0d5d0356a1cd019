package io.sanctionsrisk.risk.portfolio;

import io.quarkus.security.identity.SecurityIdentity;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's organisation: the access token's {@value #CLAIM} claim, which the realm sets per client (a
 * hard-coded claim of each bank's machine client) or per user (the attribute of the user's organisation group).
 * A token without it cannot own or read portfolios: 403 {@code no-organisation}.
 */
final class Organisation {

    static final String CLAIM = "organisation";
    static final int MAX_LENGTH = 255;

    private Organisation() {}

    static String of(SecurityIdentity identity) {
        Object claim = null;
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken token) {
            claim = token.getClaim(CLAIM);
        }
        String value = claim == null ? null : text(claim);
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new ApiProblem(
                    ProblemType.NO_ORGANISATION,
                    "the token carries no '" + CLAIM + "' claim (or one longer than " + MAX_LENGTH
                            + " characters); portfolios belong to an organisation, which the realm gives each bank"
                            + " client and each member of an organisation group");
        }
        return value;
    }

    private static String text(Object claim) {
        if (claim instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        if (claim instanceof CharSequence s) {
            return s.toString();
        }
        if (claim instanceof jakarta.json.JsonArray array
                && array.size() == 1
                && array.get(0) instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return null;
    }
}
