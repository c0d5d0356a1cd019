package io.sanctionsrisk.sanctions;

/** How precisely an incident's first-action date is known; a month or year date is stored as its first day. */
public enum DatePrecision implements CodedValue {
    DAY("day", "Known to the day"),
    MONTH("month", "Known to the month"),
    YEAR("year", "Known to the year");

    private final String code;
    private final String label;

    DatePrecision(String code, String label) {
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
