package io.sanctionsrisk.sanctions.seed;

import io.sanctionsrisk.sanctions.Caller;
import io.sanctionsrisk.sanctions.SeedState;
import io.sanctionsrisk.sanctions.csv.CsvLayout;
import io.sanctionsrisk.sanctions.importing.CsvImportReader;
import io.sanctionsrisk.sanctions.importing.ImportBatch;
import io.sanctionsrisk.sanctions.importing.ImportReport;
import io.sanctionsrisk.sanctions.importing.ImportService;
import io.sanctionsrisk.sanctions.persistence.SeedStateRepository;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Loads the curated actors, sanctions and incidents through the import path. It runs when the files differ
 * from the ones last loaded (a checksum in the seed_state table), so a restart changes nothing and a record a
 * data steward edited stays edited until a new curated release ships. A new release is upserted by natural key
 * (no duplicates), the records it no longer ships are retired ({@link SeedRetirement}), and the data version
 * goes up once, in one transaction.
 */
@ApplicationScoped
public class SeedLoader {

    static final String RECORDS = "records";
    static final List<String> FILES = List.of("actors.csv", "sanctions.csv", "incidents.csv");
    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final SeedFiles files;
    private final ImportService imports;
    private final SeedStateRepository states;
    private final SeedRetirement retirement;
    private final DataVersionService dataVersion;
    private final Clock clock;

    public SeedLoader(
            SeedFiles files,
            ImportService imports,
            SeedStateRepository states,
            SeedRetirement retirement,
            DataVersionService dataVersion,
            Clock clock) {
        this.retirement = retirement;
        this.files = files;
        this.imports = imports;
        this.states = states;
        this.dataVersion = dataVersion;
        this.clock = clock;
    }

    /**
     * @param force import even if these files were loaded before (the import itself is idempotent)
     * @return the import report, or empty when the files were loaded already
     */
    @Transactional
    public Optional<ImportReport> load(boolean force) {
        byte[][] contents = new byte[FILES.size()][];
        for (int i = 0; i < FILES.size(); i++) {
            contents[i] = files.read(FILES.get(i));
        }
        return load(contents, force);
    }

    /** Loads a release given as the contents of {@link #FILES}, in that order. */
    @Transactional
    Optional<ImportReport> load(byte[][] contents, boolean force) {
        long before = dataVersion.holdWriters().version();
        String checksum = checksum(contents);
        SeedState state = states.findByIdOptional(RECORDS).orElse(null);
        if (!force && state != null && checksum.equals(state.getChecksum())) {
            LOG.debugf("Seed files unchanged (%s); nothing to load", checksum);
            return Optional.empty();
        }
        ImportBatch batch = CsvImportReader.newBatch();
        CsvLayout[] layouts = {CsvLayout.ACTORS, CsvLayout.SANCTIONS, CsvLayout.INCIDENTS};
        try {
            for (int i = 0; i < FILES.size(); i++) {
                CsvImportReader.read(
                        new InputStreamReader(new ByteArrayInputStream(contents[i]), StandardCharsets.UTF_8),
                        layouts[i],
                        FILES.get(i) + " ",
                        batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportReport report;
        try {
            report = imports.apply(batch, false, Caller.SEED);
        } catch (ApiProblem problem) {
            for (Violation violation : problem.errors()) {
                LOG.errorf(
                        "Seed problem: %s %s %s: %s",
                        violation.ref(), violation.key(), violation.field(), violation.message());
            }
            throw new IllegalStateException("the curated seed files are invalid: " + problem.getMessage());
        }
        int retired = retirement.retire(batch);
        if (retired > 0 && report.dataVersion() == before) {
            // The import changed nothing, so it did not count this change: count it once here.
            report = report.withDataVersion(
                    dataVersion.increment(clock.instant()).version());
        }
        // The import cleared the persistence context: read the state again rather than change a detached copy.
        SeedState current = states.findByIdOptional(RECORDS).orElse(null);
        if (current == null) {
            current = new SeedState(RECORDS);
            current.record(checksum, clock.instant());
            states.persist(current);
        } else {
            current.record(checksum, clock.instant());
        }
        LOG.infof(
                "Seed loaded: created %s, updated %s, unchanged %s, retired %d; data version %d",
                report.created(), report.updated(), report.unchanged(), retired, report.dataVersion());
        return Optional.of(report);
    }

    static String checksum(byte[][] contents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] content : contents) {
                sha.update(content);
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
