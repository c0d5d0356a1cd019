package io.sanctionsrisk.sanctions.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.sanctions.csv.CsvLayout;
import io.sanctionsrisk.sanctions.importing.CsvImportReader;
import io.sanctionsrisk.sanctions.importing.ImportBatch;
import io.sanctionsrisk.sanctions.importing.ImportLimits;
import io.sanctionsrisk.sanctions.importing.ImportReport;
import io.sanctionsrisk.sanctions.importing.ImportService;
import io.sanctionsrisk.sanctions.importing.JsonImportReader;
import io.sanctionsrisk.sanctions.importing.StixBundleReader;
import io.sanctionsrisk.sanctions.importing.StixDirectory;
import io.sanctionsrisk.sanctions.stix.Stix;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.CallerResolver;
import io.sanctionsrisk.sanctions.web.Conditional;
import io.sanctionsrisk.sanctions.web.Params;
import io.sanctionsrisk.sanctions.web.Problem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@Path("/api/v1/imports")
@Tag(name = "imports", description = "Bulk loads from CSV, JSON and STIX 2.1 files")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
public class ImportResource {

    private static final Logger LOG = Logger.getLogger(ImportResource.class);

    static final String CSV = "text/csv";

    private final ImportService imports;
    private final CallerResolver caller;
    private final ObjectMapper mapper;
    private final StixDirectory directory;
    private final ImportLimits limits;

    public ImportResource(
            ImportService imports,
            CallerResolver caller,
            ObjectMapper mapper,
            StixDirectory directory,
            ImportLimits limits) {
        this.limits = limits;
        this.directory = directory;
        this.imports = imports;
        this.caller = caller;
        this.mapper = mapper;
    }

    @POST
    @Consumes({CSV, MediaType.APPLICATION_JSON, Stix.MEDIA_TYPE})
    @Operation(
            summary = "Import a file",
            description = "text/csv (one kind per file: ?kind= or recognised by the header), application/json"
                    + " ({\"actors\":[],\"sanctions\":[],\"incidents\":[]}, the export's shape) or"
                    + " application/stix+json (a STIX 2.1 bundle). Idempotent on natural keys. Any invalid record"
                    + " rejects the whole file with every problem listed (422) and nothing is written.")
    @RequestBody(
            content = {
                @Content(
                        mediaType = CSV,
                        examples =
                                @ExampleObject(
                                        name = "incidents",
                                        value = "key,first_action_date,date_precision,intrusion_start_date,actor,"
                                                + "attribution_confidence,victim,sector,country,vector,attempted_usd,"
                                                + "realised_usd,destructive,note,source,source_url\r\n"
                                                + "2016-02-BANGLADESH-BANK,2016-02-04,day,,APT38,85,Bangladesh Bank,"
                                                + "central-bank,BD,swift-fraud,951000000,81000000,false,,US DOJ,"
                                                + "https://www.justice.gov/\r\n")),
                @Content(mediaType = MediaType.APPLICATION_JSON),
                @Content(mediaType = Stix.MEDIA_TYPE)
            })
    @APIResponse(
            responseCode = "200",
            description = "Applied (or, with dryRun, what would be applied)",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not CSV/JSON, not a STIX bundle, or a CSV header of no known layout",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Body over the limit (128 MiB), or a line, field or record over the import limits"
                    + " (sanctions.imports.max-line-chars, max-field-chars, max-record-bytes, max-records): the"
                    + " problem names the limit in `limit`, its value in `maximum` and the place in `at`; nothing is"
                    + " written",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "At least one invalid record; every problem is listed with its row or object id",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response importFile(
            @Parameter(description = "Validate and report without writing", example = "true") @QueryParam("dryRun")
                    String dryRun,
            @Parameter(description = "CSV only: actors, sanctions or incidents; else recognised by the header")
                    @QueryParam("kind")
                    String kind,
            @Context HttpHeaders headers,
            InputStream body)
            throws IOException {
        boolean dry = Params.bool("dryRun", dryRun);
        long started = System.nanoTime();
        MediaType type = headers.getMediaType();
        ImportBatch batch;
        try {
            batch = read(type, kind, body);
        } catch (ApiProblem problem) {
            if (problem.type() == ProblemType.PAYLOAD_TOO_LARGE) {
                drain(body);
            }
            throw problem;
        }
        LOG.infof(
                "Read a %s file of %d records in %d ms",
                batch.format(),
                batch.actors().size()
                        + batch.sanctions().size()
                        + batch.incidents().size(),
                (System.nanoTime() - started) / 1_000_000);
        ImportReport report = imports.apply(batch, dry, caller.current());
        return Response.ok(report)
                .header(Conditional.DATA_VERSION_HEADER, report.dataVersion())
                .build();
    }

    /**
     * Reads the rest of a refused body (bounded by the body limit), discarding it, so that a client still sending
     * gets the answer rather than a reset connection.
     */
    private static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            LOG.debugf("The rest of a refused import body could not be read: %s", e.getMessage());
        }
    }

    /** Reads the file as a stream, within the import limits. */
    private ImportBatch read(MediaType type, String kind, InputStream body) throws IOException {
        if (type.isCompatible(MediaType.valueOf(CSV))) {
            CsvLayout layout = null;
            String kindName = Params.text(kind);
            if (kindName != null) {
                layout = CsvLayout.ofKind(kindName)
                        .orElseThrow(() -> ApiProblem.invalidParameter(
                                "kind", "unknown kind '" + kindName + "' (actors, sanctions or incidents)"));
            }
            ImportBatch batch = CsvImportReader.newBatch();
            CsvImportReader.read(new InputStreamReader(body, charset(type)), layout, "", batch, limits.csv());
            return batch;
        }
        if (type.isCompatible(MediaType.valueOf(Stix.MEDIA_TYPE))) {
            return StixBundleReader.read(body, limits, directory.lookup());
        }
        return JsonImportReader.read(body, limits);
    }

    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter("Content-Type", "unknown charset '" + name + "'");
        }
    }
}
