package dev.legalgen.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.legalgen.quality.dedup.DuplicateVerdict.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index on a real database, each call in a transaction of its own as the journaling of an accepted answer runs
 * it. Every test uses a dataset of its own.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:duplicate-index;DB_CLOSE_DELAY=-1")
class DuplicateIndexIntegrationTests {

    private static final String QUESTION = "Harriet Osei, a freelance graphic designer, emailed Clearwater Dental an"
            + " offer to redesign its website for $8,500, stating that the offer would remain open until Friday. On"
            + " Wednesday, the office manager replied that the practice accepted but wanted the work finished within"
            + " three weeks instead of six. Was a contract formed, and if so, on whose terms?";
    private static final String OTHER_QUESTION = "Tomas Reyes posted a notice in a community newsletter offering $500"
            + " to anyone who found and returned his lost retriever. Imani Brooks found the dog before she had seen"
            + " the notice; a day later she read it and asked for the reward. Must Reyes pay her?";

    @Autowired
    DuplicateIndex index;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aQuestionRepeatedByAnotherSlotIsAnExactDuplicateOfTheFirstClaim() {
        // given
        String dataset = dataset();
        assertThat(claim(new DuplicateKey(dataset, 1, 0), QUESTION).kind()).isEqualTo(Kind.UNIQUE);

        // when
        DuplicateVerdict verdict = claim(new DuplicateKey(dataset, 1, 5), QUESTION.toUpperCase());

        // then
        assertThat(verdict.kind()).isEqualTo(Kind.EXACT);
        assertThat(verdict.earlier()).isEqualTo(new DuplicateKey(dataset, 1, 0));
        String earlier = NormalisedQuestion.of(QUESTION).text();
        assertThat(earlier).hasSizeGreaterThan(DuplicateVerdict.QUOTED);
        assertThat(verdict.reason())
                .isEqualTo("the question repeats the question of slot 0 of job instance 1, \""
                        + earlier.substring(0, DuplicateVerdict.QUOTED) + "…\"");
        assertThat(claimedSlots(dataset)).containsExactly(0);
    }

    @Test
    void aSlotsOwnClaimIsNotADuplicate() {
        // given: slot 3's answer was journaled, and a restart reuses it
        String dataset = dataset();
        DuplicateKey slot = new DuplicateKey(dataset, 1, 3);
        claim(slot, QUESTION);

        // when
        DuplicateVerdict again = claim(slot, QUESTION);

        // then
        assertThat(again.kind()).isEqualTo(Kind.UNIQUE);
        assertThat(claimedSlots(dataset)).containsExactly(3);
    }

    @Test
    void aReAskedSlotsNewQuestionReplacesItsClaim() {
        // given
        String dataset = dataset();
        DuplicateKey slot = new DuplicateKey(dataset, 1, 3);
        claim(slot, QUESTION);

        // when
        DuplicateVerdict reAsked = claim(slot, OTHER_QUESTION);

        // then: the first question is free again, the second is taken
        assertThat(reAsked.kind()).isEqualTo(Kind.UNIQUE);
        assertThat(claim(new DuplicateKey(dataset, 1, 4), QUESTION).kind()).isEqualTo(Kind.UNIQUE);
        assertThat(claim(new DuplicateKey(dataset, 1, 5), OTHER_QUESTION).earlier())
                .isEqualTo(slot);
    }

    @Test
    void aDuplicateLeavesTheSlotsEarlierClaimAlone() {
        // given
        String dataset = dataset();
        DuplicateKey first = new DuplicateKey(dataset, 1, 0);
        DuplicateKey second = new DuplicateKey(dataset, 1, 1);
        claim(first, QUESTION);
        claim(second, OTHER_QUESTION);

        // when
        DuplicateVerdict verdict = claim(second, QUESTION);

        // then
        assertThat(verdict.earlier()).isEqualTo(first);
        assertThat(claim(new DuplicateKey(dataset, 1, 2), OTHER_QUESTION).earlier())
                .isEqualTo(second);
    }

    @Test
    void twoPartitionsClaimingTheSameQuestionAtTheSameMomentOneWinsTheOtherIsADuplicate() throws Exception {
        for (int round = 0; round < 10; round++) {
            // given: a dataset that has no claim yet, so that both also race to create its lock
            String dataset = dataset();
            String question = QUESTION + " (round " + round + ")";
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService partitions = Executors.newFixedThreadPool(2);
            try {
                // when: slot 0 of partition one and slot 50 of partition two, in transactions open at once
                List<Future<DuplicateVerdict>> verdicts = new ArrayList<>();
                for (int slot : new int[] {0, 50}) {
                    verdicts.add(partitions.submit(() -> {
                        together.await();
                        index.open(dataset);
                        return inOwnTransaction(() -> index.claim(new DuplicateKey(dataset, 1, slot), question));
                    }));
                }

                // then
                List<Kind> kinds = new ArrayList<>();
                for (Future<DuplicateVerdict> verdict : verdicts) {
                    kinds.add(verdict.get().kind());
                }
                assertThat(kinds).as("round " + round).containsExactlyInAnyOrder(Kind.UNIQUE, Kind.EXACT);
                assertThat(claimedSlots(dataset)).hasSize(1);
            } finally {
                partitions.shutdownNow();
            }
        }
    }

    @Test
    void aQuestionWithOneWordChangedInAnotherInstanceOfTheDatasetIsANearDuplicate() {
        // given: instance 1 committed the question; start --next made instance 2 of the same dataset
        String dataset = dataset();
        claim(new DuplicateKey(dataset, 1, 12), QUESTION);

        // when
        DuplicateVerdict verdict = claim(new DuplicateKey(dataset, 2, 12), QUESTION.replace("Friday", "Monday"));

        // then
        assertThat(verdict.kind()).isEqualTo(Kind.NEAR);
        assertThat(verdict.earlier()).isEqualTo(new DuplicateKey(dataset, 1, 12));
        assertThat(verdict.wordsChanged()).hasValue(1);
    }

    @Test
    void anotherDatasetIsUnaffected() {
        // given
        claim(new DuplicateKey(dataset(), 1, 0), QUESTION);

        // when
        DuplicateVerdict verdict = claim(new DuplicateKey(dataset(), 2, 0), QUESTION);

        // then
        assertThat(verdict.kind()).isEqualTo(Kind.UNIQUE);
    }

    @Test
    void aClaimRolledBackWithItsTransactionLeavesNothing() {
        // given: the transaction that journals the answer fails after the claim
        String dataset = dataset();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        index.open(dataset);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    index.claim(new DuplicateKey(dataset, 1, 0), QUESTION);
                    throw new IllegalStateException("journal insert failed");
                }))
                .hasMessage("journal insert failed");

        // when
        DuplicateVerdict verdict = claim(new DuplicateKey(dataset, 1, 1), QUESTION);

        // then
        assertThat(verdict.kind()).isEqualTo(Kind.UNIQUE);
    }

    @Test
    void aClaimOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> index.claim(new DuplicateKey(dataset(), 1, 0), QUESTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("DuplicateIndex.claim must run inside a transaction");
    }

    @Test
    void eachClaimIsStoredUnderItsBandsAndAShortOneUnderItsSegmentsToo() {
        // given
        String dataset = dataset();

        // when: a question of 60 words, and one of 8
        claim(new DuplicateKey(dataset, 1, 0), QUESTION);
        long longOne = keyCount(dataset);
        claim(new DuplicateKey(dataset, 1, 1), "Is an oral promise to sell land enforceable?");

        // then: 32 bands each, and 3 segments for the short one
        assertThat(longOne).isEqualTo(32);
        assertThat(keyCount(dataset)).isEqualTo(32 + 32 + 3);
    }

    private DuplicateVerdict claim(DuplicateKey key, String question) {
        index.open(key.dataset());
        return inOwnTransaction(() -> index.claim(key, question));
    }

    private <T> T inOwnTransaction(java.util.concurrent.Callable<T> work) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return transaction.execute(status -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<Integer> claimedSlots(String dataset) {
        return jdbc.queryForList(
                "SELECT c.slot FROM duplicate_claim c JOIN duplicate_index_dataset d ON d.id = c.dataset_id"
                        + " WHERE d.dataset = ? ORDER BY c.slot",
                Integer.class,
                dataset);
    }

    private long keyCount(String dataset) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM duplicate_claim_key k JOIN duplicate_index_dataset d ON d.id = k.dataset_id"
                        + " WHERE d.dataset = ?",
                Long.class,
                dataset);
    }

    private static String dataset() {
        return "ds-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
