package io.sanctionsrisk.sanctions.importing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.sanctions.config.SanctionsConfig;
import io.sanctionsrisk.sanctions.csv.CsvReader;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounds an import file is read within (configurable, {@code sanctions.imports.*}): characters per CSV line,
 * characters per field (a CSV cell or a JSON string), bytes per JSON record or STIX object, and records per file.
 * The file is read as a stream; the first bound it passes stops the read with a 413 problem+json that names the
 * bound, its value and where it was passed, and nothing is written.
 */
@ApplicationScoped
public class ImportLimits {

    public static final String MAX_LINE_CHARS = "sanctions.imports.max-line-chars";
    public static final String MAX_FIELD_CHARS = "sanctions.imports.max-field-chars";
    public static final String MAX_RECORD_BYTES = "sanctions.imports.max-record-bytes";
    public static final String MAX_RECORDS = "sanctions.imports.max-records";
    public static final String MAX_JSON_DEPTH = "sanctions.imports.max-json-depth";

    /** How far past the record bound the parser's read-ahead may go before the bound is noticed. */
    static final int READ_AHEAD = 16 * 1024;

    /** A STIX record travels as several objects (the object, its relationships, identities, locations). */
    static final int STIX_OBJECTS_PER_RECORD = 5;

    private final SanctionsConfig.Imports config;
    private final ObjectMapper mapper;

    public ImportLimits(SanctionsConfig config, ObjectMapper mapper) {
        this.config = config.imports();
        JsonFactory factory = mapper.getFactory().copy();
        // The resource reads what is left of a refused body, so the parser must not close it.
        factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(this.config.maxFieldChars())
                .maxNameLength(Math.min(this.config.maxFieldChars(), 1000))
                .maxNumberLength(100)
                .maxNestingDepth(this.config.maxJsonDepth())
                .build());
        this.mapper = mapper.copyWith(factory);
    }

    /** The application's mapper, reading within the field and depth bounds. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public CsvReader.Limits csv() {
        // The header is a row too.
        return new CsvReader.Limits(config.maxLineChars(), config.maxFieldChars(), safeAdd(config.maxRecords(), 1));
    }

    public int maxRecords() {
        return config.maxRecords();
    }

    public int maxStixObjects() {
        return (int) Math.min(Integer.MAX_VALUE, (long) config.maxRecords() * STIX_OBJECTS_PER_RECORD);
    }

    /** The body, counting bytes since the last {@link RecordWindow#restart()}. */
    public RecordWindow window(InputStream body) {
        return new RecordWindow(body, (long) config.maxRecordBytes() + READ_AHEAD, config.maxRecordBytes());
    }

    /** The 413 of a bound passed. */
    public static ApiProblem exceeded(String limit, long maximum, String where) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", limit);
        extensions.put("maximum", maximum);
        extensions.put("at", where);
        return new ApiProblem(
                ProblemType.PAYLOAD_TOO_LARGE,
                "the file passes " + limit + " (" + maximum + ") at " + where
                        + "; it was rejected and nothing was written",
                List.of(),
                extensions);
    }

    /** The 413 of a JSON string, name or number too long or nesting too deep, if that is what failed. */
    static ApiProblem exceeded(Throwable failure, String where, int maxFieldChars, int maxJsonDepth) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException constraint) {
                String message = String.valueOf(constraint.getOriginalMessage());
                return message.toLowerCase(java.util.Locale.ROOT).contains("nesting")
                        ? exceeded(MAX_JSON_DEPTH, maxJsonDepth, where)
                        : exceeded(MAX_FIELD_CHARS, maxFieldChars, where);
            }
            if (cause instanceof RecordWindow.Exceeded exceeded) {
                return exceeded(MAX_RECORD_BYTES, exceeded.maximum, where);
            }
        }
        return null;
    }

    int maxFieldChars() {
        return config.maxFieldChars();
    }

    int maxJsonDepth() {
        return config.maxJsonDepth();
    }

    private static int safeAdd(int a, int b) {
        return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
    }

    /**
     * Counts the bytes read since the last restart and fails once they pass the bound (plus the parser's
     * read-ahead): a record, or the gap before it, can never grow past it.
     */
    public static final class RecordWindow extends FilterInputStream {

        /** The bound was passed. */
        public static final class Exceeded extends IOException {
            final long maximum;

            Exceeded(long maximum) {
                super("a record passes " + MAX_RECORD_BYTES + " (" + maximum + ")");
                this.maximum = maximum;
            }
        }

        private final long bound;
        private final long maximum;
        private long read;

        RecordWindow(InputStream in, long bound, long maximum) {
            super(in);
            this.bound = bound;
            this.maximum = maximum;
        }

        public void restart() {
            read = 0;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws Exceeded {
            read += n;
            if (read > bound) {
                throw new Exceeded(maximum);
            }
        }
    }
}
