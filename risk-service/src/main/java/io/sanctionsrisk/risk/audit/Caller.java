package io.sanctionsrisk.risk.audit;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collection;
import java.util.Optional;
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

    /** The access-token claim naming the caller's organisation, which owns portfolios and webhook subscriptions. */
    public static final String ORGANISATION_CLAIM = "organisation";

    /**
     * The caller's organisation: the {@value #ORGANISATION_CLAIM} claim as a string, or the first string of a list
     * (the realm maps a client attribute or a group attribute); empty when the token carries none. Not bounded:
     * each owner decides what a too long value means.
     */
    public static Optional<String> organisation(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken token) {
            return Optional.ofNullable(text(token.getClaim(ORGANISATION_CLAIM)));
        }
        return Optional.empty();
    }

    private static String text(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream()
                    .map(Caller::text)
                    .filter(v -> v != null)
                    .findFirst()
                    .orElse(null);
        }
        if (claim == null) {
            return null;
        }
        String text = claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString();
        return text.isBlank() ? null : text.trim();
    }

    private static String bounded(String value) {
        if (value == null) {
            return "unknown";
        }
        return value.length() > 255 ? value.substring(0, 255) : value;
    }
}
