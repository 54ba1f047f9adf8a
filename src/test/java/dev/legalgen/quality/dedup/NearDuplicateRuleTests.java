package dev.legalgen.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rule on questions as the prompts ask for them (src/main/resources/prompts: fresh parties and facts, a practice
 * area, topic and difficulty, an angle): repeats with a word or two changed are caught, however short; distinct
 * questions of one topic, which share its phrasing, are not.
 */
class NearDuplicateRuleTests {

    private static final DuplicateKey EARLIER = new DuplicateKey("legal-qa", 1, 7);
    private final NearDuplicateRule rule = new NearDuplicateRule(0.7);

    // Contract Law - Formation, intermediate: four distinct questions, two of them about one freelancer's offers
    private static final String OFFER_BY_EMAIL = "Harriet Osei, a freelance graphic designer, emailed Clearwater"
            + " Dental an offer to redesign its website for $8,500, stating that the offer would remain open until"
            + " Friday. On Wednesday, Clearwater's office manager replied that the practice accepted but wanted the"
            + " work finished within three weeks instead of six. Was a contract formed, and if so, on whose terms?";
    private static final String OFFER_WITHDRAWN = "Harriet Osei, a freelance web developer, mailed Brightline Bakery"
            + " an offer to build its online ordering system for $6,000, stating that the offer would remain open for"
            + " ten days. Before the bakery replied, Osei emailed that she was withdrawing the offer because she had"
            + " taken another job. Could the bakery still accept, and was a contract formed?";
    private static final String REWARD = "Tomas Reyes posted a notice in a community newsletter offering $500 to"
            + " anyone who found and returned his lost retriever. Imani Brooks found the dog before she had seen the"
            + " notice and returned it; a day later she read the newsletter and asked for the reward. Was a contract"
            + " formed that obliges Reyes to pay her?";
    private static final String BATTLE_OF_FORMS = "A hardware wholesaler sent a retailer a signed quotation for 400"
            + " cordless drills at $62 each, valid for thirty days. The retailer replied with a purchase order on its"
            + " own form that added an arbitration clause. Was a contract formed, and is the arbitration clause part"
            + " of it?";
    // Contract Law - Statute of Frauds, basic: short questions that share the topic's wording
    private static final String ORAL_HOUSE =
            "Is an oral agreement to sell a house for $300,000 enforceable against" + " the seller?";
    private static final String ORAL_LEASE =
            "Is an oral agreement to lease an apartment for six months enforceable" + " against the landlord?";
    private static final String ORAL_GOODS =
            "Is an oral agreement to buy a used tractor for $4,000 enforceable after" + " the tractor was delivered?";
    private static final String ORAL_SURETY =
            "Is an oral promise to pay a nephew's car loan if he defaults enforceable against the uncle?";
    // ... and two that share all their facts but the one that decides them: about half their 3-grams (0.51)
    private static final String PART_PERFORMANCE = "Under the Statute of Frauds, is an oral agreement to sell a"
            + " farmhouse enforceable against the seller when the buyer has already moved in and paid for a new roof?";
    private static final String PART_PAYMENT = "Under the Statute of Frauds, is an oral agreement to sell a farmhouse"
            + " enforceable against the seller when the buyer has paid a deposit by cheque marked as part payment?";

    @Test
    void theSameQuestionWrittenDifferentlyIsAnExactRepeat() {
        Optional<DuplicateVerdict> verdict = compare(
                "IS AN ORAL AGREEMENT to sell a house -- for $300,000 -- enforceable against the seller", ORAL_HOUSE);

        assertThat(verdict).map(DuplicateVerdict::kind).contains(DuplicateVerdict.Kind.EXACT);
    }

    @Test
    void aShortQuestionWithOneWordChangedIsANearDuplicate() {
        // 15 words: one replaced leaves 10 of 16 distinct 3-grams shared (0.63), below the threshold
        String changed = ORAL_HOUSE.replace("house", "condominium");

        Optional<DuplicateVerdict> verdict = compare(changed, ORAL_HOUSE);

        assertThat(verdict).hasValueSatisfying(near -> {
            assertThat(near.kind()).isEqualTo(DuplicateVerdict.Kind.NEAR);
            assertThat(near.similarity()).isLessThan(0.7);
            assertThat(near.wordsChanged()).hasValue(1);
            assertThat(near.earlier()).isEqualTo(EARLIER);
            assertThat(near.reason())
                    .isEqualTo("the question nearly repeats the question of slot 7 of job instance 1, \"is an oral"
                            + " agreement to sell a house for 300 000 enforceable against the seller\": it differs by 1"
                            + " word");
        });
    }

    @Test
    void aTenWordQuestionWithTwoWordsChangedIsANearDuplicate() {
        String earlier = "Does a store owe a duty to warn trespassing children?";
        String changed = "Does a landowner owe a duty to warn trespassing adults?";

        Optional<DuplicateVerdict> verdict = compare(changed, earlier);

        assertThat(verdict)
                .hasValueSatisfying(near -> assertThat(near.wordsChanged()).hasValue(2));
    }

    @Test
    void wordsInsertedOrDeletedCountAsChangedWords() {
        String changed = ORAL_HOUSE.replace("a house", "a small house").replace(" the seller", " seller");

        assertThat(compare(changed, ORAL_HOUSE))
                .hasValueSatisfying(near -> assertThat(near.wordsChanged()).hasValue(2));
    }

    @Test
    void aLongerQuestionSharingMostOfItsThreeGramsIsANearDuplicate() {
        // four words changed ($8,500 is two): more than a word or two, but 48 of 66 distinct 3-grams shared
        String changed = OFFER_BY_EMAIL
                .replace("Osei", "Mensah")
                .replace("$8,500", "$9,000")
                .replace("Wednesday", "Thursday");

        Optional<DuplicateVerdict> verdict = compare(changed, OFFER_BY_EMAIL);

        assertThat(verdict).hasValueSatisfying(near -> {
            assertThat(near.similarity()).isGreaterThanOrEqualTo(0.7);
            assertThat(near.wordsChanged()).isEmpty();
            assertThat(near.reason())
                    .endsWith(": " + Math.round(near.similarity() * 100) + "% of its word 3-grams are" + " the same");
        });
    }

    @Test
    void distinctQuestionsOfOneTopicAreNotDuplicatesThoughTheyShareItsPhrasing() {
        List<List<String>> topics = List.of(
                List.of(OFFER_BY_EMAIL, OFFER_WITHDRAWN, REWARD, BATTLE_OF_FORMS),
                List.of(ORAL_HOUSE, ORAL_LEASE, ORAL_GOODS, ORAL_SURETY));
        for (List<String> questions : topics) {
            for (String a : questions) {
                for (String b : questions) {
                    if (!a.equals(b)) {
                        assertThat(similarity(a, b)).as(a + " / " + b).isLessThan(0.5);
                        assertThat(compare(a, b)).as(a + " / " + b).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void questionsSharingAllTheirFactsButTheDecidingOneAreNotDuplicates() {
        assertThat(similarity(PART_PERFORMANCE, PART_PAYMENT)).isCloseTo(0.5, within(0.02));
        assertThat(compare(PART_PERFORMANCE, PART_PAYMENT)).isEmpty();
    }

    @Test
    void aVeryShortQuestionWithAWordChangedIsADifferentQuestion() {
        // one word in three is more than a word or two of a question
        assertThat(compare("What is consideration?", "What is estoppel?")).isEmpty();
    }

    @Test
    void aLowerThresholdCatchesLooserRewordings() {
        String reworded = OFFER_BY_EMAIL
                .replace("graphic designer", "illustrator")
                .replace("Clearwater Dental", "Parkside Dental")
                .replace("three weeks instead of six", "two weeks instead of five");

        assertThat(similarity(reworded, OFFER_BY_EMAIL)).isBetween(0.5, 0.7);
        assertThat(compare(reworded, OFFER_BY_EMAIL)).isEmpty();
        assertThat(new NearDuplicateRule(0.5).compare(question(reworded), question(OFFER_BY_EMAIL), EARLIER))
                .isPresent();
    }

    private Optional<DuplicateVerdict> compare(String question, String earlier) {
        return rule.compare(question(question), question(earlier), EARLIER);
    }

    private static double similarity(String a, String b) {
        return NearDuplicateRule.jaccard(
                question(a).shingleHashes(), question(b).shingleHashes());
    }

    private static NormalisedQuestion question(String text) {
        return NormalisedQuestion.of(text);
    }
}
