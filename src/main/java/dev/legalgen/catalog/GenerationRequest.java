package dev.legalgen.catalog;

/** One slot of the plan: what the provider is asked to write. */
public record GenerationRequest(int slot, String practiceArea, String topic, String difficulty) {

    /** The sample's topic field, as the seed spelled it: {@code Contract Law - Formation}. */
    public String topicLabel() {
        return practiceArea + " - " + topic;
    }
}
