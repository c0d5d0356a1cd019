package io.sanctionsrisk.risk.web;

/** The realm roles of DESIGN.md's route table, as this service checks them. */
public final class Roles {

    public static final String COMPLIANCE_VIEWER = "compliance-viewer";
    public static final String RISK_ANALYST = "risk-analyst";
    public static final String POLICY_ANALYST = "policy-analyst";
    public static final String DATA_STEWARD = "data-steward";
    public static final String ADMIN = "admin";

    private Roles() {}
}
