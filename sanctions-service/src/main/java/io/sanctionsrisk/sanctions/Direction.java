package io.sanctionsrisk.sanctions;

/** Whether a sanctions event raised or lowered the pressure on the target. */
public enum Direction implements CodedValue {
    TIGHTENING("tightening", "Raises pressure"),
    EASING("easing", "Lowers pressure");

    private final String code;
    private final String label;

    Direction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
