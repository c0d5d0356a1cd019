package io.sanctionsrisk.sanctions.web;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the document for client generators: an operation without an operationId gets one made from its method
 * and path ({@code GET /api/v1/incidents/{id}} is {@code getIncidentsById}, the {@code /api/v1} prefix left out), and
 * an answer without a description gets its status's reason phrase, and an error answer without a body (such as the
 * 401 and 403 that Quarkus adds for role-checked methods) gets the application/problem+json body every error has.
 * Names and bodies stated in a resource win.
 */
public class OpenApiConventions implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getOperationId() == null
                        || operation.getOperationId().isBlank()) {
                    operation.setOperationId(operationId(entry.getKey(), path.getKey()));
                }
                describe(operation);
            }
        }
    }

    /** The lower-case method, then each path segment after /api/vN in camel case, a {param} as "By" + Param. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        String[] segments = path.replaceFirst("^/api/v\\d+", "").split("/");
        for (String segment : segments) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static void describe(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry :
                operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (response.getRef() != null) {
                continue;
            }
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(reasonPhrase(entry.getKey()));
            }
            if (entry.getKey().matches("[45]\\d\\d")
                    && (response.getContent() == null
                            || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(OASFactory.createContent()
                        .addMediaType(
                                "application/problem+json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
            }
        }
    }

    private static String reasonPhrase(String code) {
        try {
            Response.Status status = Response.Status.fromStatusCode(Integer.parseInt(code));
            return status == null ? "Status " + code : status.getReasonPhrase();
        } catch (NumberFormatException e) {
            return "Any other status";
        }
    }
}
