package dev.legalgen.provider;

/**
 * What a chain found out about one of its routes that the other processes of its run should act on without
 * finding it out again (remote partitioning): a provider out (its key or account refused; {@code route}'s model is
 * then only the one that learnt it), a model out (gone, retired, not listed), a breaker opened by repeated failures.
 * {@code why} is the explanation the chain gives for the route; it never holds a key.
 */
public record RouteNews(Kind kind, Route route, String why) {

    public enum Kind {
        PROVIDER_OUT,
        MODEL_OUT,
        BREAKER_OPEN
    }
}
