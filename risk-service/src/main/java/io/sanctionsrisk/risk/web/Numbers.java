package io.sanctionsrisk.risk.web;

/** JSON has no NaN or infinity: a number that is not available is written as null. */
public final class Numbers {

    private Numbers() {}

    public static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    public static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
