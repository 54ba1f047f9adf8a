package dev.legalgen.generation;

import dev.legalgen.catalog.Difficulty;
import dev.legalgen.catalog.GenerationRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Builds the chat messages that ask a model for one sample; thread-safe, templates are read once. */
public final class PromptBuilder {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final PromptTemplates templates;

    public PromptBuilder() {
        this(PromptTemplates.DEFAULT);
    }

    PromptBuilder(PromptTemplates templates) {
        this.templates = templates;
    }

    public ChatPrompt build(GenerationRequest request) {
        Difficulty difficulty = Difficulty.parse(request.difficulty());
        Map<String, String> values = Map.of(
                "practiceArea", request.practiceArea(),
                "topic", request.topic(),
                "difficulty", difficulty.label(),
                "difficultyGuidance", templates.guidance().get(difficulty),
                "angle",
                        templates
                                .angles()
                                .get(angleIndex(
                                        request.slot(), templates.angles().size())));
        return new ChatPrompt(templates.system(), fill(templates.user(), values));
    }

    /**
     * The same request again, after {@code reasons} rejected the previous answer: the original prompt (whose lines
     * name the request) followed by the reasons, one per line.
     */
    public ChatPrompt reask(GenerationRequest request, List<String> reasons) {
        ChatPrompt first = build(request);
        String listed = reasons.stream().map(reason -> "Problem: " + reason).collect(Collectors.joining("\n"));
        return new ChatPrompt(
                first.system(), first.user() + "\n\n" + fill(templates.reask(), Map.of("reasons", listed)));
    }

    /**
     * Spreads angles over slots by hashing: slot modulo the count would tie each angle to the same
     * combinations whenever the angle count divides the plan's cycle length.
     */
    static int angleIndex(int slot, int angles) {
        int hash = slot * 0x9E3779B1;
        return Math.floorMod(hash ^ (hash >>> 16), angles);
    }

    /** One pass, so a topic that happens to contain "{topic}" is not substituted again. */
    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        return matcher.replaceAll(match -> {
            String value = values.get(match.group(1));
            if (value == null) {
                throw new IllegalStateException("prompts/user.txt uses unknown placeholder " + match.group());
            }
            return Matcher.quoteReplacement(value);
        });
    }
}
