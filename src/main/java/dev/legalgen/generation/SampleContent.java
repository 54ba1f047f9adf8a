package dev.legalgen.generation;

/** The four fields a model writes for one sample, trimmed and validated by {@link SampleParser}. */
public record SampleContent(String question, String answer, String reasoning, String caseCitation) {}
