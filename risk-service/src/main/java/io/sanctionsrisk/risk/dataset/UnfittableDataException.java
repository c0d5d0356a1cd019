package io.sanctionsrisk.risk.dataset;

/** The data cannot be fitted (no heist in the window, no window at all). */
public class UnfittableDataException extends RuntimeException {

    public UnfittableDataException(String message) {
        super(message, null, false, false);
    }
}
