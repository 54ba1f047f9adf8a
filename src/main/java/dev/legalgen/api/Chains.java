package dev.legalgen.api;

/** The seed's {@code provider} and {@code model} fields as a {@code chain} parameter. */
final class Chains {

    private Chains() {}

    /** {@code provider}, {@code provider:model}, or null (the configured chain) when both are absent. */
    static String of(String provider, String model) {
        boolean hasProvider = provider != null && !provider.isBlank();
        boolean hasModel = model != null && !model.isBlank();
        if (!hasModel) {
            return hasProvider ? provider.strip() : null;
        }
        if (!hasProvider) {
            throw ApiException.badRequest("model", "a model needs its provider; give provider too");
        }
        if (provider.contains(",") || provider.contains(":")) {
            throw ApiException.badRequest(
                    "model",
                    "give model with a single provider, or pin models in the"
                            + " provider chain itself (provider: \"groq:model-a,cerebras\")");
        }
        return provider.strip() + ":" + model.strip();
    }
}
