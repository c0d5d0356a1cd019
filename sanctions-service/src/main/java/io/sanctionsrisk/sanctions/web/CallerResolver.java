package io.sanctionsrisk.sanctions.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.sanctionsrisk.sanctions.Caller;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request as the audit fields record it: token {@code sub} and {@code azp}. */
@RequestScoped
public class CallerResolver {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public CallerResolver(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public Caller current() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            // Tokens without 'sub' (Keycloak lightweight tokens) still name the principal.
            subject = identity.getPrincipal().getName();
        }
        String client = token.getClaim("azp");
        return new Caller(subject, client);
    }
}
