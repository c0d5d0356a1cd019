package io.sanctionsrisk.sanctions.web;

import io.sanctionsrisk.sanctions.dto.DataVersionView;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Entity tags on answers and the 304 for a matching If-None-Match. Data reads are tagged with the data
 * version, read before the data, so a tag is never newer than the body it labels.
 */
public final class Conditional {

    public static final String DATA_VERSION_HEADER = "X-Data-Version";

    private Conditional() {}

    /** True when If-None-Match lists the tag (weak comparison, RFC 9110 13.1.2) or is "*". */
    public static boolean notModified(HttpHeaders headers, String tag) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || opaque(value).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /** 304 when the client holds this data version, else 200 with the body computed now. */
    public static Response ok(HttpHeaders headers, DataVersionView version, Supplier<Object> body) {
        return ok(headers, version.entityTag(), version, body);
    }

    /** 304 when the client holds this tag, else 200 with the body computed now. */
    public static Response ok(HttpHeaders headers, String tag, DataVersionView version, Supplier<Object> body) {
        Response.ResponseBuilder builder = notModified(headers, tag) ? Response.notModified() : Response.ok(body.get());
        return builder.header(HttpHeaders.ETAG, tag)
                .header(DATA_VERSION_HEADER, version.version())
                .build();
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
