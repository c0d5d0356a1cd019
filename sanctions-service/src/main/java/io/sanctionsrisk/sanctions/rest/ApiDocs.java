package io.sanctionsrisk.sanctions.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's frame: every API path needs a bearer token from the sanctions-risk realm. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "sanctions-service API",
                        version = "1",
                        description = "System of record for sanctions events, heist incidents, threat actors and the"
                                + " taxonomy. Errors are application/problem+json (RFC 9457)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "Access token of the Keycloak realm sanctions-risk with audience sanctions-risk-api")
public class ApiDocs extends Application {}
