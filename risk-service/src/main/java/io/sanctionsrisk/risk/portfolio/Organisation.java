package io.sanctionsrisk.risk.portfolio;

import io.quarkus.security.identity.SecurityIdentity;
import io.sanctionsrisk.risk.audit.Caller;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;

/**
 * The caller's organisation: the access token's {@code organisation} claim ({@link Caller#organisation}), which the realm sets per client (a
 * hard-coded claim of each bank's machine client) or per user (the attribute of the user's organisation group).
 * A token without it cannot own or read portfolios: 403 {@code no-organisation}.
 */
final class Organisation {

    static final String CLAIM = Caller.ORGANISATION_CLAIM;
    static final int MAX_LENGTH = 255;

    private Organisation() {}

    static String of(SecurityIdentity identity) {
        String value = Caller.organisation(identity).orElse(null);
        if (value == null || value.length() > MAX_LENGTH) {
            throw new ApiProblem(
                    ProblemType.NO_ORGANISATION,
                    "the token carries no '" + CLAIM + "' claim (or one longer than " + MAX_LENGTH
                            + " characters); portfolios belong to an organisation, which the realm gives each bank"
                            + " client and each member of an organisation group");
        }
        return value;
    }
}
