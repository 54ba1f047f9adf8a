package dev.legalgen.catalog;

/** One practice area × topic × difficulty cell of a plan. */
record Combination(String practiceArea, String topic, Difficulty difficulty) {}
