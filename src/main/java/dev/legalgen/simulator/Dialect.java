package dev.legalgen.simulator;

/** Which provider the simulator imitates: error-body shape and rate-limit header dialect. */
public enum Dialect {
    /** Errors wrapped in {@code {"error":{...}}}; Go-duration reset headers with per-day request limits. */
    GROQ,
    /** Flat error bodies; float-second reset headers with explicit {@code -day}/{@code -minute} suffixes. */
    CEREBRAS
}
