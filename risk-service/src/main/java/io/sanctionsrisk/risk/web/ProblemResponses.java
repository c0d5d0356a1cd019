package io.sanctionsrisk.risk.web;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every error answer that a resource declares by code and description only the body it always has, an
 * application/problem+json {@link Problem}; the answers all resources share are components of META-INF/openapi.yaml.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        for (Map.Entry<String, APIResponse> entry :
                operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (isError(entry.getKey()) && response.getRef() == null && hasNoContent(response)) {
                response.setContent(OASFactory.createContent()
                        .addMediaType(
                                PROBLEM_JSON,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
            }
        }
        return operation;
    }

    private static boolean hasNoContent(APIResponse response) {
        return response.getContent() == null
                || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }
}
