package io.sanctionsrisk.risk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The sanctions-service's data version: a counter that goes up with every write. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataVersionRecord(long version, Instant lastModified) {}
