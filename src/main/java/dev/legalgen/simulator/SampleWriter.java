package dev.legalgen.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes a plausible, clearly synthetic legal Q&amp;A sample. The same model, plan slot and prompt always give the
 * same sample, so tests and quick-start runs are repeatable.
 */
final class SampleWriter {

    private static final String[] SCENARIOS = {
        "a party relies on an oral promise that was never put in writing",
        "the parties dispute whether a deadline was waived by later conduct",
        "a regulator issues new guidance after the relevant events occurred",
        "one party learns of a material fact only after signing",
        "the court must weigh competing public-policy interests",
        "a third party claims rights under the arrangement",
    };
    private static final String[] OUTCOMES = {"likely succeeds", "likely fails", "turns on disputed facts"};
    /**
     * Real leading cases with their reporters and years, and the prompt's answer when none fits: what an honest model
     * cites, so that the job's citation check accepts the simulator's samples (scripted faults give the others).
     */
    private static final String[] CITATIONS = {
        "Hadley v. Baxendale, 9 Exch. 341 (1854)",
        "Palsgraf v. Long Island R.R. Co., 162 N.E. 99 (N.Y. 1928)",
        "Brown v. Board of Education, 347 U.S. 483 (1954)",
        "Marbury v. Madison, 5 U.S. 137 (1803)",
        "Miranda v. Arizona, 384 U.S. 436 (1966)",
        "Lucy v. Zehmer, 84 S.E.2d 516 (Va. 1954)",
        "Hawkins v. McGee, 146 A. 641 (N.H. 1929)",
        "No single controlling case",
    };

    /** The four fields our prompt asks the model for. */
    record Sample(
            String question,
            String answer,
            String reasoning,
            @JsonProperty("case_citation") String caseCitation) {}

    Sample write(String model, PromptFacts facts, String prompt) {
        SplittableRandom random = new SplittableRandom(seed(model, facts, prompt));
        String area = orDefault(facts.practiceArea(), "general legal practice");
        String topic = orDefault(facts.topic(), "legal reasoning");
        String difficulty = orDefault(facts.difficulty(), "intermediate");
        String scenario = pick(SCENARIOS, random);
        String outcome = pick(OUTCOMES, random);
        String question = "In a " + difficulty + "-level " + area + " question about " + topic
                + ", how should a court analyse the matter when " + scenario + "?";
        String answer = "Under the simulated rule, a claim concerning " + topic + " " + outcome + " when " + scenario
                + ", because the governing test asks whether the conduct was reasonable and foreseeable in the"
                + " circumstances. At the " + difficulty + " level, the analysis should also address the strongest"
                + " counter-argument and the remedy available. This answer is simulated for testing: it is not"
                + " legal advice.";
        // labelled Issue, Rule, Application, Conclusion, as the prompt asks (and the job's validation checks)
        String reasoning = "Issue: whether a claim about " + topic + " succeeds when " + scenario + ". Rule: the"
                + " simulated " + area + " rule asks whether the conduct was reasonable and foreseeable. Application:"
                + " the facts show that " + scenario + "; as a " + difficulty + " question expects, the strongest"
                + " counter-argument is weighed against them. Conclusion: the claim " + outcome + ".";
        String citation = pick(CITATIONS, random);
        return new Sample(question, answer, reasoning, citation);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String pick(String[] choices, SplittableRandom random) {
        return choices[random.nextInt(choices.length)];
    }

    /** FNV-1a over every input, so a change in any of them changes the sample, but nothing else does. */
    private static long seed(String model, PromptFacts facts, String prompt) {
        String key =
                model + '\0' + facts.practiceArea() + '\0' + facts.topic() + '\0' + facts.difficulty() + '\0' + prompt;
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
