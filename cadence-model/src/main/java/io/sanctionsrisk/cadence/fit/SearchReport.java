package io.sanctionsrisk.cadence.fit;

/**
 * How one maximum-likelihood search ended (MODEL.md, "Convergence"). {@code gridCells} profiles were evaluated
 * over the decay rates, {@code startsPolished} starts were polished and {@code startsAtOptimum} of them (with
 * a restart from a perturbed optimum) reached the best log-likelihood within {@link GlobalSearch#AGREEMENT}.
 * {@code kktViolation} is the largest first-order violation at the optimum (gradient in the fitter's
 * coordinates, the inward part at a bound), {@code profileGap} how much the concave profile at the optimum's
 * decay rates improves on it, {@code gridExcess} how much the best grid cell exceeds it. {@code converged} is
 * true only when the deadline was not hit, the violation is below {@link Polisher#KKT_TOLERANCE}, at least two
 * starts agree and neither check finds a better point.
 */
public record SearchReport(
        String model,
        int shape,
        int gridCells,
        int startsPolished,
        int startsAtOptimum,
        double logLikelihood,
        double kktViolation,
        double profileGap,
        double gridExcess,
        boolean converged) {}
