package io.sanctionsrisk.risk.sanctions;

/** The sanctions-service could not be read: down, too slow, refusing our token, or its circuit is open. */
public class SanctionsServiceUnavailableException extends RuntimeException {

    public SanctionsServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SanctionsServiceUnavailableException(String message) {
        super(message);
    }
}
