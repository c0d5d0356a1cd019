package io.sanctionsrisk.risk.audit;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who made a call: the token's subject and the client it was issued to ({@code azp}).
 *
 * @param subject the {@code sub} claim, or the principal name when the token has none
 * @param clientId the {@code azp} claim, or null
 */
public record Caller(String subject, String clientId) {

    /** The service itself, for what it does on its own (scheduled refits): no token, no client. */
    public static Caller service(String name) {
        return new Caller(bounded(name), null);
    }

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller("anonymous", null);
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String subject = token.getSubject() != null ? token.getSubject() : token.getName();
            Object azp = token.getClaim("azp");
            return new Caller(bounded(subject), azp == null ? null : bounded(azp.toString()));
        }
        return new Caller(bounded(identity.getPrincipal().getName()), null);
    }

    private static String bounded(String value) {
        if (value == null) {
            return "unknown";
        }
        return value.length() > 255 ? value.substring(0, 255) : value;
    }
}
