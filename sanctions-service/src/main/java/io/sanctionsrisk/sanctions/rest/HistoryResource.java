package io.sanctionsrisk.sanctions.rest;

import io.sanctionsrisk.sanctions.dto.Page;
import io.sanctionsrisk.sanctions.history.HistoryQueries;
import io.sanctionsrisk.sanctions.history.HistoryView;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.Paging;
import io.sanctionsrisk.sanctions.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The change history of the data: every create, update and delete (by the API, an import, a seed upgrade or an
 * approved proposal) and every review decision, with who made it and the record before and after. It names
 * people (token subjects), so only stewards and admins read it.
 */
@Path("/api/v1/history")
@Tag(name = "history", description = "Who changed what, when, through which client; append-only")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
public class HistoryResource {

    private final HistoryQueries queries;
    private final Paging paging;

    public HistoryResource(HistoryQueries queries, Paging paging) {
        this.queries = queries;
        this.paging = paging;
    }

    @GET
    @Operation(
            summary = "Read the change history",
            description = "Oldest first. A row names the writer (token sub and azp), the time, the record (entity"
                    + " and natural key), the action, the route of the change (api, import, seed, review), the data"
                    + " version it produced, the fields that changed, and the record before and after.")
    @APIResponse(responseCode = "200", description = "A page of history rows")
    public Page<HistoryView> list(
            @Parameter(description = "actor, sanction, incident, proposal or source-load", example = "incident")
                    @QueryParam("entity")
                    String entity,
            @Parameter(description = "Natural key of the record", example = "2016-02-BANGLADESH-BANK")
                    @QueryParam("key")
                    String key,
            @Parameter(description = "Token subject of the writer") @QueryParam("subject") String subject,
            @Parameter(description = "Recorded at or after: an ISO instant or a date (its start, UTC)")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Recorded before: an ISO instant, or a date (to the end of that day, UTC)")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "Page, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1..500 (default 50)", example = "50") @QueryParam("size")
                    String size) {
        String kind = Params.text(entity);
        if (kind != null && !HistoryQueries.ENTITIES.contains(kind)) {
            throw ApiProblem.invalidParameter(
                    "entity", "unknown entity '" + kind + "' (one of " + HistoryQueries.ENTITIES + ")");
        }
        String recordKey = Params.text(key);
        if (recordKey != null && recordKey.length() > 200) {
            throw ApiProblem.invalidParameter("key", "at most 200 characters");
        }
        String writer = Params.text(subject);
        if (writer != null && writer.length() > 255) {
            throw ApiProblem.invalidParameter("subject", "at most 255 characters");
        }
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiProblem.invalidParameter("to", "'to' " + to.strip() + " is before 'from' " + from.strip());
        }
        Paging.Request request = paging.parse(page, size);
        return queries.find(
                new HistoryQueries.Filter(kind, recordKey, writer, start, end), request.page(), request.size());
    }

    /** An ISO instant, or a date: its start, or with {@code endOfDay} the start of the day after. */
    private static Instant instant(String name, String value, boolean endOfDay) {
        String text = Params.text(value);
        if (text == null) {
            return null;
        }
        Instant parsed;
        try {
            parsed = Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate day = LocalDate.parse(text);
                parsed = (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeException notDate) {
                throw ApiProblem.invalidParameter(
                        name, "'" + text + "' is neither an ISO instant (2024-03-01T12:00:00Z) nor a date");
            }
        }
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            throw ApiProblem.invalidParameter(name, "must lie between years 1 and 9999");
        }
        return parsed;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
}
