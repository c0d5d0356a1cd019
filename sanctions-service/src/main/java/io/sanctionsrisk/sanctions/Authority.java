package io.sanctionsrisk.sanctions;

/** The body that announced a sanctions event. */
public enum Authority implements CodedValue {
    UNSC("UNSC", "UN Security Council"),
    US_PRESIDENT("US-PRESIDENT", "US President (executive orders)"),
    US_OFAC("US-OFAC", "US Treasury, Office of Foreign Assets Control"),
    US_FINCEN("US-FINCEN", "US Treasury, Financial Crimes Enforcement Network"),
    US_DOJ("US-DOJ", "US Department of Justice"),
    US_CONGRESS("US-CONGRESS", "US Congress"),
    EU("EU", "European Union"),
    UK_OFSI("UK-OFSI", "UK Office of Financial Sanctions Implementation"),
    KR("KR", "Republic of Korea"),
    JP("JP", "Japan"),
    AU("AU", "Australia");

    private final String code;
    private final String label;

    Authority(String code, String label) {
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
