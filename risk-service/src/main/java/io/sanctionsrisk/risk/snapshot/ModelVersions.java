package io.sanctionsrisk.risk.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The versions a snapshot records. The model version names the mathematics and the input rules (raise it when a
 * change to the model or to the dataset rules can change fitted numbers: snapshots of an older model version are
 * then refitted); the code version is the build's application version.
 */
@ApplicationScoped
public class ModelVersions {

    /** The cadence model and the dataset rules this build implements. */
    public static final String MODEL = "cadence-1";

    private final String codeVersion;

    public ModelVersions(@ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.codeVersion = "risk-service " + version;
    }

    public String model() {
        return MODEL;
    }

    public String code() {
        return codeVersion;
    }
}
