package io.sanctionsrisk.sanctions.seed;

import io.sanctionsrisk.sanctions.config.SanctionsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The curated CSV files shipped on the classpath under {@code sanctions.seed.location}. */
@ApplicationScoped
public class SeedFiles {

    private final SanctionsConfig config;

    public SeedFiles(SanctionsConfig config) {
        this.config = config;
    }

    public byte[] read(String name) {
        String path = config.seed().location().replaceAll("/+$", "") + "/" + name;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("seed file " + path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + path, e);
        }
    }
}
