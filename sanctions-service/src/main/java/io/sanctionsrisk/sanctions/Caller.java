package io.sanctionsrisk.sanctions;

/** Who is writing: the token subject ({@code sub}) and the client it was issued to ({@code azp}). */
public record Caller(String subject, String client) {

    /** The service itself, when it loads the curated seed data at start-up. */
    public static final Caller SEED = new Caller("system:seed", "sanctions-service");
}
