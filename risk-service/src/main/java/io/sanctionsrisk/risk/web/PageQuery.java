package io.sanctionsrisk.risk.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters of the lists of at most 100 items a page, read as given and
 * documented once: a resource takes them as a {@code @BeanParam}, and {@link Paging} checks them (a bad value is a
 * 400 naming it).
 */
public class PageQuery {

    @Parameter(description = "Page, from 0", example = "0", schema = @Schema(type = SchemaType.INTEGER))
    @QueryParam("page")
    String page;

    @Parameter(
            description = "Page size, 1..100 (default 20)",
            example = "20",
            schema = @Schema(type = SchemaType.INTEGER))
    @QueryParam("size")
    String size;

    /** The page as sent, or null. */
    public String page() {
        return page;
    }

    /** The size as sent, or null. */
    public String size() {
        return size;
    }
}
