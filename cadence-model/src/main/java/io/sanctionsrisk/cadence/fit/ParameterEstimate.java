package io.sanctionsrisk.cadence.fit;

/**
 * One fitted parameter with its standard error and 95% Wald interval (on the log scale for mu, beta and
 * delta, on the natural scale clipped to the bounds for kappa and alpha). NaN means "not available"; then
 * {@code reason} says why. {@code wellIdentified} is false when the parameter sits on a bound, its standard
 * error exceeds the estimate, or the information matrix cannot be inverted.
 */
public record ParameterEstimate(
        String name,
        double estimate,
        double standardError,
        double lower95,
        double upper95,
        boolean wellIdentified,
        String reason) {

    /** Whether {@code value} lies inside the 95% interval (false when the interval is not available). */
    public boolean covers(double value) {
        return value >= lower95 && value <= upper95;
    }
}
