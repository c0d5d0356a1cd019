package io.sanctionsrisk.risk.scoring;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scores")
@Tag(name = "scores", description = "Heist-risk scores of institutions from the serving snapshot")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", description = "The token lacks the role (risk-analyst or admin)")
@APIResponse(responseCode = "503", ref = "NoSnapshot")
public class ScoreResource {

    public static final String NDJSON = "application/x-ndjson";

    private static final String SINGLE_EXAMPLE = "{\"id\": \"bank-0042\", \"sector\": \"commercial-bank\", \"country\":"
            + " \"BD\", \"horizonDays\": 365, \"exposure\": {\"swiftConnectivity\": \"direct\", \"cryptoCustody\":"
            + " \"none\", \"correspondentExposure\": \"high\", \"controlMaturity\": \"basic\"}}";

    private final ScoreService scores;
    private final ObjectMapper mapper;
    private final RiskConfig config;

    public ScoreResource(ScoreService scores, ObjectMapper mapper, RiskConfig config) {
        this.scores = scores;
        this.mapper = mapper;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK_ANALYST, Roles.ADMIN})
    @Operation(
            operationId = "createScore",
            summary = "Score one institution",
            description = "Expected heists in the institution's sector x region cell over the horizon (the cadence"
                    + " forecast of the total count from the serving snapshot, times the cell's Dirichlet-multinomial"
                    + " share, times the stated exposure multipliers of risk.exposure.*), the probability of at least"
                    + " one (Poisson approximation 1 - exp(-expectedCount)), expected attempted and realised losses"
                    + " (lognormal severity means), a 0..100 score (25 points per factor of ten in the probability,"
                    + " 0 at 1e-4) with its band (low < 25 <= moderate < 50 <= high < 75 <= severe), a 90% interval"
                    + " from the cell share's posterior, the contribution of each part, and the versions. The horizon"
                    + " starts today, or the day after the snapshot's window if that is later. Every score is"
                    + " recorded in the audit trail.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ScoreRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "bank",
                                        summary = "A SWIFT-connected commercial bank",
                                        value = SINGLE_EXAMPLE),
                                @ExampleObject(
                                        name = "minimal",
                                        summary = "Sector and country only (horizon 365 days, no exposure)",
                                        value = "{\"sector\": \"crypto-exchange\", \"country\": \"JP\"}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The score, its band and interval, the contribution of each part and the versions",
            content = @Content(schema = @Schema(implementation = ScoreView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The body is not JSON or does not match the schema (unknown field, wrong type)")
    @APIResponse(
            responseCode = "422",
            description = "Unknown sector or country, a country whose region has no cell, a horizon outside"
                    + " 1..3650, an unknown exposure level; every problem is listed with its field")
    public ScoreView score(ScoreRequest request) {
        return scores.score(request);
    }

    @POST
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @RolesAllowed({Roles.RISK_ANALYST, Roles.ADMIN})
    @Operation(
            operationId = "createScoreBatch",
            summary = "Score many institutions against one snapshot",
            description = "A JSON array of institutions, or application/x-ndjson (one institution per line, blank"
                    + " lines skipped), at most risk.scores.max-batch-items (100,000) and a body of at most 64 MB."
                    + " The whole batch is validated first (nothing is scored or recorded if any item is invalid)"
                    + " and then scored against one snapshot; each result equals the single score of its"
                    + " institution. The answer streams: application/x-ndjson (one score per line) when the Accept"
                    + " header asks for it, or when the body is NDJSON and Accept does not ask for JSON; otherwise a"
                    + " JSON object {modelVersion, dataVersion, snapshotId, count, results}. One audit record for"
                    + " the batch.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = ScoreRequest.class),
                        examples =
                                @ExampleObject(
                                        name = "portfolio",
                                        value = "[" + SINGLE_EXAMPLE + ", {\"id\": \"exchange-7\", \"sector\":"
                                                + " \"crypto-exchange\", \"country\": \"KR\", \"exposure\":"
                                                + " {\"cryptoCustody\": \"hot-wallet\"}}]")),
                @Content(
                        mediaType = NDJSON,
                        examples =
                                @ExampleObject(
                                        name = "portfolio",
                                        value =
                                                "{\"id\": \"a\", \"sector\": \"commercial-bank\", \"country\": \"VN\"}\n"
                                                        + "{\"id\": \"b\", \"sector\": \"central-bank\", \"country\":"
                                                        + " \"BD\"}\n"))
            })
    @APIResponse(
            responseCode = "200",
            description = "The scores in the order sent",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON),
                @Content(mediaType = NDJSON, schema = @Schema(implementation = ScoreView.class))
            })
    @APIResponse(
            responseCode = "400",
            description = "Not a JSON array, or an item (JSON: named by index) or line (NDJSON: named by number)"
                    + " that cannot be read")
    @APIResponse(
            responseCode = "413",
            description = "More institutions than risk.scores.max-batch-items, or a body over 64 MB")
    @APIResponse(
            responseCode = "422",
            description = "An empty batch, or items with an unknown sector or country, a bad horizon or exposure"
                    + " level; each problem names the item index ([i].field) and, for NDJSON, the line")
    public Response batch(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean ndjsonIn =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(NDJSON);
        boolean ndjsonOut = ndjsonOut(accept, ndjsonIn);
        BatchReader reader = new BatchReader(mapper, config.scores().maxBatchItems());
        BatchReader.Items items = ndjsonIn ? reader.readNdjson(body) : reader.readJson(body);
        ScoreService.ScoreBatch batch = scores.batch(items.requests(), items.lines());
        ObjectWriter writer = batchWriter();
        StreamingOutput stream =
                ndjsonOut ? out -> writeNdjson(batch, writer, out) : out -> writeJson(batch, writer, out);
        return Response.ok(stream, ndjsonOut ? NDJSON : MediaType.APPLICATION_JSON)
                .build();
    }

    /**
     * Writes doubles with the fast (Schubfach) writer: every number reads back as the same double as in the single
     * score (the digits may differ where Java 17's Double.toString is not the shortest), at a fraction of the cost.
     */
    private ObjectWriter batchWriter() {
        // and no flush after each institution: the 64 KiB buffer below decides when bytes go out
        return mapper.writerFor(ScoreView.class)
                .with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /**
     * Whether the batch answers in NDJSON: the media type the Accept header prefers by its quality values (q=0 refuses
     * a type), a type named outright before a wildcard, and the body's type when Accept says nothing or ranks both
     * equally. Neither type acceptable: 406.
     */
    static boolean ndjsonOut(String accept, boolean ndjsonIn) {
        if (accept == null || accept.isBlank()) {
            return ndjsonIn;
        }
        double ndjsonNamed = -1;
        double jsonNamed = -1;
        double wildcard = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals(NDJSON)) {
                ndjsonNamed = Math.max(ndjsonNamed, q);
            } else if (type.equals(MediaType.APPLICATION_JSON)) {
                jsonNamed = Math.max(jsonNamed, q);
            } else if (type.equals("*/*") || type.equals("application/*")) {
                wildcard = Math.max(wildcard, q);
            }
        }
        double ndjson = ndjsonNamed >= 0 ? ndjsonNamed : wildcard;
        double json = jsonNamed >= 0 ? jsonNamed : wildcard;
        if (ndjson <= 0 && json <= 0) {
            throw new NotAcceptableException();
        }
        if (ndjson != json) {
            return ndjson > json;
        }
        if ((ndjsonNamed >= 0) != (jsonNamed >= 0)) {
            return ndjsonNamed >= 0;
        }
        return ndjsonIn;
    }

    /** The q parameter of a media range (RFC 9110: 0 to 1; absent: 1; unreadable: 0, not acceptable). */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            if (param.length() > 1 && (param.charAt(0) == 'q' || param.charAt(0) == 'Q')) {
                String rest = param.substring(1).trim();
                if (rest.startsWith("=")) {
                    try {
                        double q = Double.parseDouble(rest.substring(1).trim());
                        return q >= 0 && q <= 1 ? q : 0;
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
        }
        return 1;
    }

    private static void writeNdjson(ScoreService.ScoreBatch batch, ObjectWriter writer, OutputStream raw)
            throws java.io.IOException {
        OutputStream out = new BufferedOutputStream(raw, 1 << 16);
        try (JsonGenerator g = writer.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            g.enable(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER);
            IoConsumer sink = view -> {
                writer.writeValue(g, view);
                g.writeRaw('\n');
            };
            batch.forEach(sink.unchecked());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeJson(ScoreService.ScoreBatch batch, ObjectWriter writer, OutputStream raw)
            throws java.io.IOException {
        OutputStream out = new BufferedOutputStream(raw, 1 << 16);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.enable(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER);
            g.writeStartObject();
            g.writeStringField("modelVersion", batch.snapshot().row().getModelVersion());
            g.writeNumberField("dataVersion", batch.snapshot().row().getDataVersion());
            g.writeNumberField("snapshotId", batch.snapshot().id());
            g.writeNumberField("count", batch.size());
            g.writeArrayFieldStart("results");
            IoConsumer sink = view -> writer.writeValue(g, view);
            batch.forEach(sink.unchecked());
            g.writeEndArray();
            g.writeEndObject();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface IoConsumer {
        void accept(ScoreView view) throws java.io.IOException;

        default java.util.function.Consumer<ScoreView> unchecked() {
            return view -> {
                try {
                    accept(view);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
        }
    }
}
