package io.sanctionsrisk.risk.audit;

/** The audited kinds of call. */
public enum AuditAction {
    SCORE("score"),
    SCORE_BATCH("score-batch"),
    SCENARIO("scenario"),
    SCENARIO_RERUN("scenario-rerun"),
    BACKTEST("backtest"),
    PORTFOLIO_INSTITUTIONS("portfolio-institutions");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
