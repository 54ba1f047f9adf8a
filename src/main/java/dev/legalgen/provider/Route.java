package dev.legalgen.provider;

import java.util.Objects;

/** A provider and one of its models; the unit that a circuit breaker guards. */
public record Route(String provider, String model) {

    public Route {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    @Override
    public String toString() {
        return provider + ":" + model;
    }
}
