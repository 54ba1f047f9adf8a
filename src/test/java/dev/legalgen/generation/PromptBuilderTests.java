package dev.legalgen.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.catalog.GenerationRequest;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptBuilderTests {

    private final PromptBuilder builder = new PromptBuilder();

    @ParameterizedTest
    @ValueSource(strings = {"basic", "intermediate", "advanced"})
    void userMessageCarriesTheCellOnTheLinesTheSimulatorParses(String difficulty) {
        // given
        GenerationRequest request = new GenerationRequest(7, "Contract Law", "Statute of Frauds", difficulty);

        // when
        ChatPrompt prompt = builder.build(request);

        // then
        assertThat(prompt.user().lines())
                .contains("Practice area: Contract Law", "Topic: Statute of Frauds", "Difficulty: " + difficulty);
        assertThat(prompt.user()).doesNotContain("{").contains("JSON object");
        Matcher matcher = Pattern.compile("(?m)^Practice area: (.+)$\\s+^Topic: (.+)$\\s+^Difficulty: (\\w+)$")
                .matcher(prompt.user());
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(3)).isEqualTo(difficulty);
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "intermediate", "advanced"})
    void systemMessageAsksForOneJsonObjectWithTheFourStringFields(String difficulty) {
        // when
        ChatPrompt prompt = builder.build(new GenerationRequest(0, "Tort Law", "Defamation", difficulty));

        // then
        assertThat(prompt.system())
                .contains(
                        "ONE JSON object",
                        "no markdown",
                        "\"question\"",
                        "\"answer\"",
                        "\"reasoning\"",
                        "\"case_citation\"",
                        "Hadley v. Baxendale, 9 Exch. 341 (1854)",
                        "No single controlling case",
                        "IRAC")
                .contains(
                        "- basic:",
                        "black-letter rule",
                        "- intermediate:",
                        "exceptions",
                        "- advanced:",
                        "split of authority",
                        "policy",
                        "procedural posture");
    }

    @Test
    void userMessageStatesWhatTheRequestedDifficultyRequires() {
        // when
        String advanced = builder.build(new GenerationRequest(0, "Evidence", "Hearsay Exceptions", "ADVANCED"))
                .user();
        String basic = builder.build(new GenerationRequest(0, "Evidence", "Hearsay Exceptions", "basic"))
                .user();

        // then
        assertThat(advanced).contains("Difficulty: advanced").contains("split of authority");
        assertThat(basic).contains("black-letter rule").doesNotContain("split of authority");
    }

    @Test
    void placeholderTextInsideATopicIsNotSubstitutedAgain() {
        // when
        String user = builder.build(new GenerationRequest(0, "Odd Law", "The {topic} Rule", "basic"))
                .user();

        // then
        assertThat(user).contains("Topic: The {topic} Rule");
    }

    @Test
    void slotsOfTheSameCellGetVariedAngles() {
        // when
        Set<String> users = new HashSet<>();
        IntStream.range(0, 40)
                .forEach(slot ->
                        users.add(builder.build(new GenerationRequest(slot * 360, "Tax Law", "Gross Income", "basic"))
                                .user()));

        // then
        assertThat(users).hasSizeGreaterThan(4);
    }
}
