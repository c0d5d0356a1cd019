package io.sanctionsrisk.risk.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.sanctionsrisk.risk.dataset.UnfittableDataException;
import io.sanctionsrisk.risk.sanctions.SanctionsServiceUnavailableException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of a request becomes an RFC 9457 problem+json answer with a stable type. Known failures say what
 * was wrong in the client's terms (field names, positions); anything else is logged under an id and answered 500
 * with that id only: no exception class names or stack traces leave the service.
 */
public class ProblemMappers {

    private static final int IDENTITY_RETRY_AFTER_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int MAX_LISTED = 50;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        Response.ResponseBuilder builder = Response.status(problem.type().status())
                .type(ProblemType.MEDIA_TYPE)
                .entity(Problem.of(problem, path(uri)));
        if (problem.retryAfterSeconds() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unfittable(UnfittableDataException e, UriInfo uri) {
        return answer(ProblemType.UNFITTABLE_DATA, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response sanctionsUnavailable(SanctionsServiceUnavailableException e, UriInfo uri) {
        return Response.status(503)
                .type(ProblemType.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, 30)
                .entity(Problem.of(
                        ProblemType.SANCTIONS_UNAVAILABLE,
                        e.getMessage() + "; the serving snapshot is unchanged",
                        path(uri)))
                .build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorizedAnswer("a bearer token is required", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorizedAnswer("the bearer token is invalid or expired", uri);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthorizedAnswer("the bearer token is invalid or expired", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(ProblemType.FORBIDDEN, "the token does not carry a role this request needs", uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(Violation.of(lastNode(v.getPropertyPath().toString()), v.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(Violation::field));
        String detail = errors.isEmpty()
                ? "invalid request"
                : errors.get(0).field() + ": " + errors.get(0).message();
        return Response.status(400)
                .type(ProblemType.MEDIA_TYPE)
                .entity(new Problem(
                        ProblemType.VALIDATION.uri(),
                        ProblemType.VALIDATION.title(),
                        400,
                        detail,
                        path(uri),
                        errors,
                        null,
                        Map.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return malformed("the body is not valid JSON" + at(e.getLocation()) + duplicate(e), null, uri);
    }

    /** ": duplicate field 'x'" when the parser stopped at a field given twice, otherwise nothing. */
    public static String duplicate(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        return original != null && original.startsWith("Duplicate field ")
                ? ": duplicate field " + original.substring("Duplicate field ".length())
                : "";
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return malformed("unknown field '" + e.getPropertyName() + "'", field, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String value = String.valueOf(e.getValue());
        if (value.length() > 60) {
            value = value.substring(0, 60) + "...";
        }
        return malformed("'" + value + "' is not " + expected(e.getTargetType()), field, uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        return malformed(
                "cannot be read as "
                        + expected(e.getType() == null ? null : e.getType().getRawClass()),
                jsonPath(e),
                uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field == null && e.getMessage() != null && e.getMessage().contains("end-of-input")) {
            return malformed("a JSON body is required", null, uri);
        }
        return malformed("must be " + expected(e.getTargetType()), field, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof InputCoercionException c) {
            return malformed("is out of range for " + expected(c.getTargetType()), jsonPath(e), uri);
        }
        return malformed("the body does not match the expected structure", jsonPath(e), uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return malformed("the body is not valid JSON" + at(e.getLocation()), null, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 400) {
            // the JSON reader wraps what the parser found (bad syntax, NaN, a number out of range) in a bare 400
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonProcessingException json) {
                    return readFailure(json, uri);
                }
                if (cause == cause.getCause()) {
                    break;
                }
            }
        }
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
            return internal(e, uri);
        }
        String detail = switch (type) {
            case NOT_FOUND -> "no resource at " + path(uri);
            case METHOD_NOT_ALLOWED -> "this method is not supported at " + path(uri);
            case NOT_ACCEPTABLE -> "the resource cannot answer in the requested media type";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
            case PAYLOAD_TOO_LARGE -> "the request body exceeds the size limit";
            case UNAUTHORIZED -> "a bearer token is required";
            case FORBIDDEN -> "the token does not carry a role this request needs";
            default -> "the request could not be read";
        };
        if (type == ProblemType.UNAUTHORIZED) {
            return unauthorizedAnswer(detail, uri);
        }
        return answer(type, detail, uri);
    }

    /** A read failure the JSON reader wrapped, answered as if it had arrived on its own. */
    private Response readFailure(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unrecognizedProperty(u, uri);
        }
        if (e instanceof InvalidFormatException f) {
            return invalidFormat(f, uri);
        }
        if (e instanceof ValueInstantiationException v) {
            return valueInstantiation(v, uri);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        if (e instanceof JsonMappingException m) {
            return jsonMapping(m, uri);
        }
        if (e instanceof InputCoercionException c) {
            return malformed("a number is out of range for its field" + at(c.getLocation()), null, uri);
        }
        if (e instanceof JsonParseException p) {
            return jsonParse(p, uri);
        }
        return jsonProcessing(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof OIDCException) {
                // The token cannot be checked: Keycloak has not been reachable since this replica started.
                LOG.warnf("identity provider unavailable on %s: %s", path(uri), cause.getMessage());
                return Response.status(ProblemType.IDENTITY_UNAVAILABLE.status())
                        .type(ProblemType.MEDIA_TYPE)
                        .header(HttpHeaders.RETRY_AFTER, IDENTITY_RETRY_AFTER_SECONDS)
                        .entity(Problem.of(
                                ProblemType.IDENTITY_UNAVAILABLE,
                                "the token cannot be verified now: the identity provider has not been reachable;"
                                        + " try again shortly",
                                path(uri)))
                        .build();
            }
        }
        return internal(e, uri);
    }

    private static Response internal(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "request %s failed; error id %s", path(uri), errorId);
        return Response.status(500)
                .type(ProblemType.MEDIA_TYPE)
                .entity(Problem.internal(errorId, path(uri)))
                .build();
    }

    private static Response unauthorizedAnswer(String detail, UriInfo uri) {
        return Response.status(401)
                .type(ProblemType.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHORIZED, detail, path(uri)))
                .build();
    }

    private static Response answer(ProblemType type, String detail, UriInfo uri) {
        return Response.status(type.status())
                .type(ProblemType.MEDIA_TYPE)
                .entity(Problem.of(type, detail, path(uri)))
                .build();
    }

    private static Response malformed(String message, String field, UriInfo uri) {
        String detail = field == null ? message : field + ": " + message;
        List<Violation> errors = field == null ? List.of() : List.of(Violation.of(field, message));
        return Response.status(400)
                .type(ProblemType.MEDIA_TYPE)
                .entity(new Problem(
                        ProblemType.MALFORMED_BODY.uri(),
                        ProblemType.MALFORMED_BODY.title(),
                        400,
                        detail,
                        path(uri),
                        errors.size() > MAX_LISTED ? errors.subList(0, MAX_LISTED) : errors,
                        null,
                        Map.of()))
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The JSON path of a mapping failure in client terms: {@code sanctions[2].weight}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == LocalDate.class) {
            return "a date in the form YYYY-MM-DD";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
