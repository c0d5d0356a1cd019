package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.AuditedEntity;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;

/**
 * Optimistic locking at the API: a write names the state it was based on, by the record's version in the
 * body (stale: 409) or by its entity tag in If-Match (no match: 412, RFC 9110).
 */
final class Preconditions {

    private Preconditions() {}

    /**
     * @param required whether the write must name a state (updates must; deletes may)
     */
    static void check(
            AuditedEntity entity, String kind, String key, Long bodyVersion, String ifMatch, boolean required) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, entity.entityTag())) {
            throw new ApiProblem(
                    ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch.strip() + " does not match the current entity tag " + entity.entityTag()
                            + " of " + kind + " '" + key + "'");
        }
        if (bodyVersion != null && bodyVersion != entity.getVersion()) {
            throw new ApiProblem(
                    ProblemType.STALE_VERSION,
                    kind + " '" + key + "' is at version " + entity.getVersion() + ", the request was based on version "
                            + bodyVersion + "; read it again and reapply the change");
        }
        if (required && bodyVersion == null && (ifMatch == null || ifMatch.isBlank())) {
            throw new ApiProblem(
                    ProblemType.PRECONDITION_REQUIRED,
                    "an update must name the version it is based on: send 'version' in the body or an If-Match header");
        }
    }

    /** Strong comparison over a list of tags, or "*"; weak tags never match (RFC 9110, 13.1.1). */
    static boolean matches(String ifMatch, String currentTag) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(currentTag)) {
                return true;
            }
        }
        return false;
    }
}
