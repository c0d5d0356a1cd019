package io.sanctionsrisk.sanctions.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error answer is application/problem+json with a stable type. Known failures are mapped by kind; an
 * unexpected one is logged with an id and answered as a 500 carrying only that id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int IDENTITY_RETRY_AFTER_SECONDS = 10;
    private static final int BUSY_RETRY_AFTER_SECONDS = 5;

    private final ObjectMapper mapper;

    public ProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        Response answer = answer(Problem.of(problem, path(uri)));
        if (problem.type() == ProblemType.BUSY) {
            return Response.fromResponse(answer)
                    .header("Retry-After", BUSY_RETRY_AFTER_SECONDS)
                    .build();
        }
        return answer;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(Problem.of(
                ProblemType.FORBIDDEN, "the token does not carry a role that may use this operation", path(uri)));
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = JsonErrors.fieldPath(e);
        return answer(Problem.of(
                ApiProblem.invalid(List.of(Violation.of(field, "unknown field '" + e.getPropertyName() + "'"))),
                path(uri)));
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e, UriInfo uri) {
        return answer(Problem.of(ApiProblem.invalid(List.of(wrongTypeViolation(e))), path(uri)));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return answer(Problem.of(ApiProblem.invalid(List.of(wrongTypeViolation(e))), path(uri)));
    }

    @ServerExceptionMapper
    public Response malformedJson(StreamReadException e, UriInfo uri) {
        return answer(Problem.of(JsonErrors.malformed(e), path(uri)));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StreamConstraintsException) {
            return answer(Problem.of(JsonErrors.malformed(e), path(uri)));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return answer(Problem.of(ApiProblem.invalid(List.of(wrongTypeViolation(mapping))), path(uri)));
        }
        return answer(
                Problem.of(ProblemType.MALFORMED_BODY, "the body could not be read as the expected JSON", path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(violation -> Violation.of(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        return answer(Problem.of(ApiProblem.invalid(violations), path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_BODY;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (type == null) {
            return unexpected(e, uri);
        }
        if (status == 401) {
            return unauthorized(uri);
        }
        String detail = switch (type) {
            case NOT_FOUND -> "nothing at " + path(uri);
            case METHOD_NOT_ALLOWED -> "this method is not allowed on " + path(uri);
            case UNSUPPORTED_MEDIA_TYPE -> "this content type is not accepted here";
            case NOT_ACCEPTABLE -> "none of the accepted media types can be produced";
            case PAYLOAD_TOO_LARGE -> "the request body is larger than the limit";
            default -> "the request could not be read";
        };
        Response answer = answer(Problem.of(type, detail, path(uri)));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null
                ? answer
                : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // A known failure may arrive wrapped (a transaction rolled back at commit, for example).
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem) {
                return apiProblem(problem, uri);
            }
            if (cause instanceof IOException && "Request too large".equals(cause.getMessage())) {
                // A chunked body ran past the limit while being read; Quarkus has already answered 413.
                return answer(Problem.of(
                        ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than the limit", path(uri)));
            }
            if (cause instanceof OIDCException) {
                // The token cannot be checked: Keycloak has not been reachable since this replica started.
                LOG.warnf("Identity provider unavailable on %s: %s", path(uri), cause.getMessage());
                return Response.fromResponse(answer(Problem.of(
                                ProblemType.IDENTITY_UNAVAILABLE,
                                "the token cannot be verified now: the identity provider has not been reachable;"
                                        + " try again shortly",
                                path(uri))))
                        .header(HttpHeaders.RETRY_AFTER, IDENTITY_RETRY_AFTER_SECONDS)
                        .build();
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return answer(Problem.of(
                        ProblemType.STALE_VERSION,
                        "the record was changed by someone else meanwhile; read it again and reapply the change",
                        path(uri)));
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return answer(Problem.of(
                        ProblemType.CONFLICT,
                        "the change conflicts with stored data"
                                + (violation.getConstraintName() == null
                                        ? ""
                                        : " (constraint " + violation.getConstraintName() + ")"),
                        path(uri)));
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        Problem problem = new Problem(
                ProblemType.INTERNAL.uri(),
                ProblemType.INTERNAL.title(),
                500,
                "an unexpected error occurred; quote error id " + errorId,
                path(uri),
                List.of(),
                errorId,
                Map.of());
        return answer(problem);
    }

    private Response unauthorized(UriInfo uri) {
        Response answer = answer(Problem.of(
                ProblemType.UNAUTHORIZED,
                "a valid bearer token of the sanctions-risk realm with audience sanctions-risk-api is required",
                path(uri)));
        return Response.fromResponse(answer)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sanctions-risk\"")
                .build();
    }

    private Response answer(Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + problem.type() + "\",\"status\":" + problem.status() + "}";
        }
        return Response.status(problem.status())
                .type(ProblemType.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    private static Violation wrongTypeViolation(JsonMappingException e) {
        String field = JsonErrors.fieldPath(e);
        return Violation.of(field.isEmpty() ? null : field, JsonErrors.message(e));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
