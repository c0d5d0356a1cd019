package io.sanctionsrisk.risk.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a subscription may ask for, by the name used on the wire. */
public enum EventType {
    BAND_CHANGE("band-change"),
    THRESHOLD("threshold"),
    MODEL_VERSION("model-version"),
    STALE_DATA("stale-data");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(EventType::wire).toList());
    }
}
