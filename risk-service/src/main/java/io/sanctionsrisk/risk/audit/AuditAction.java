package io.sanctionsrisk.risk.audit;

/** The audited kinds of call. */
public enum AuditAction {
    SCORE("score"),
    SCORE_BATCH("score-batch"),
    SCENARIO("scenario"),
    SCENARIO_RERUN("scenario-rerun"),
    BACKTEST("backtest"),
    /** A refit asked for through POST /api/v1/model/refits. */
    REFIT("refit"),
    /** A refit the service ran itself: at start-up or on the data-version schedule. */
    SCHEDULED_REFIT("scheduled-refit"),
    /** An inline fit, POST /api/v1/model/fits. */
    INLINE_FIT("inline-fit"),
    PORTFOLIO_INSTITUTIONS("portfolio-institutions");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
