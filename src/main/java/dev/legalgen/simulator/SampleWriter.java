package dev.legalgen.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a plausible, clearly synthetic legal Q&amp;A sample. The first time a model is sent a prompt, it answers with
 * the same sample in every simulator, so tests and quick-start runs are repeatable; a prompt sent again gets another
 * sample, as from a model that samples its answers, instead of the same one forever (slots of a plan that share a
 * prompt would otherwise all be answered with one question).
 */
final class SampleWriter {

    // Parties, stakes and framings vary as a model's would, so that the samples of one practice area, topic and
    // difficulty are distinct questions (the job refuses near-duplicates) that still share their cell's phrasing.
    private static final String[] SCENARIOS = {
        "relies on an oral promise that was never put in writing",
        "argues that a deadline was waived by the other side's later conduct",
        "acted before a regulator issued new guidance on the point",
        "learned of a material fact only after signing",
        "asks the court to weigh competing public-policy interests",
        "claims rights as a third party under the arrangement",
        "kept performing for months after discovering the defect",
        "received conflicting written notices from two officials",
        "destroyed records after the dispute had begun",
        "depends on an industry custom that the other side denies",
        "signed a standard form without reading its last page",
        "moved its operations to another state in the middle of the dispute",
    };
    // A second, independent fact: with one alone, the questions of a cell that share framing and fact (48 pairs of
    // them) were near-duplicates whatever the party, and a run of 55 samples a cell re-asked one in seven.
    private static final String[] CIRCUMSTANCES = {
        "after a storm closed the only port",
        "while a merger was pending",
        "during a strike at the supplier",
        "on the advice of a retired judge",
        "under a contract governed by foreign law",
        "through an agent who has since disappeared",
        "in a county with no published precedent",
        "after an insurer denied the claim",
        "before the statute was amended",
        "in the middle of a bankruptcy proceeding",
        "with the help of an unlicensed broker",
        "despite a written warning from a neighbour",
        "after the only witness moved abroad",
        "while under investigation by a regulator",
        "on the strength of an online review",
        "during a public health emergency",
    };
    private static final String[] PARTIES = {
        "Ardent Logistics", "Mira Okafor", "the Hollis Trust", "Delgado Farms", "Quill & Vane LLP", "Tomasz Brzeski",
        "Northfield County", "Sable Robotics", "Priya Raman", "the Ostrander estate", "Kestrel Air", "Jun Watanabe",
        "Blue Heron Cooperative", "Corvin Medical", "Lena Achterberg", "the town of Wexley",
    };
    private static final String[] FRAMINGS = {
        "In a %2$s-level %3$s problem about %4$s, %1$s %5$s, with $%6$s at stake."
                + " How should a court analyse the claim?",
        "How would a court resolve a %2$s %3$s dispute over %4$s where %1$s %5$s and the loss comes to $%6$s?",
        "What is the strongest argument for %1$s, who %5$s, in a %2$s-level %3$s matter turning on %4$s worth $%6$s?",
        "In a dispute dating from %7$d, %1$s %5$s. Which %3$s analysis of %4$s, at the %2$s level, decides the"
                + " $%6$s claim, and why?",
    };
    private static final int MAX_PROMPTS_REMEMBERED = 1_000_000;
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

    /** Prompts seen, by seed, and how often; cleared when it grows large, so that a long-running simulator stays small. */
    private final Map<Long, Integer> asked = new ConcurrentHashMap<>();

    Sample write(String model, PromptFacts facts, String prompt) {
        long seed = seed(model, facts, prompt);
        if (asked.size() > MAX_PROMPTS_REMEMBERED) {
            asked.clear();
        }
        int earlier = asked.merge(seed, 1, Integer::sum) - 1;
        SplittableRandom random = new SplittableRandom(seed + earlier * 0x9e3779b97f4a7c15L);
        String area = orDefault(facts.practiceArea(), "general legal practice");
        String topic = orDefault(facts.topic(), "legal reasoning");
        String difficulty = orDefault(facts.difficulty(), "intermediate");
        String party = pick(PARTIES, random);
        String act = pick(SCENARIOS, random) + " " + pick(CIRCUMSTANCES, random);
        String scenario = party + " " + act;
        String outcome = pick(OUTCOMES, random);
        String stake = String.format(Locale.ROOT, "%,d", 1_000 * (5 + random.nextInt(995)));
        String question = String.format(
                Locale.ROOT,
                pick(FRAMINGS, random),
                party,
                difficulty,
                area,
                topic,
                act,
                stake,
                2015 + random.nextInt(10));
        question = Character.toUpperCase(question.charAt(0)) + question.substring(1);
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

    /** Forgets the prompts seen: every prompt is answered as the first time again. */
    void clear() {
        asked.clear();
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
