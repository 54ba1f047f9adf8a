package dev.legalgen.generation;

/** The system and user messages of one chat completion request. */
public record ChatPrompt(String system, String user) {}
