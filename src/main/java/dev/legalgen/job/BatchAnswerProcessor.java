package dev.legalgen.job;

import dev.legalgen.catalog.GenerationPlan;
import dev.legalgen.generation.AnswerJournal;
import dev.legalgen.generation.InvalidSampleException;
import dev.legalgen.generation.LegalSample;
import dev.legalgen.generation.SampleAcceptance;
import dev.legalgen.generation.SampleGeneration;
import dev.legalgen.provider.Completion;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.BatchRecords.Answer;
import dev.legalgen.store.LineOutcome;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Judges a batch answer with the synchronous path's checks ({@link SampleGeneration#judge}): a sample it accepts (its
 * question claimed and the answer journaled) goes to the writer; one it refuses, or content that is no sample, is
 * recorded on its line with the reasons, and its slot goes to the next round, which re-asks with them. A slot with a
 * journaled answer (accepted before a crash) reuses it.
 */
class BatchAnswerProcessor implements ItemProcessor<Answer, LegalSample> {

    private final long jobInstanceId;
    private final String batchId;
    private final GenerationPlan plan;
    private final int lastRound;
    private final AnswerJournal journal;
    private final SampleGeneration generation;
    private final SampleAcceptance acceptance;
    private final BatchRecords records;

    BatchAnswerProcessor(
            long jobInstanceId,
            String batchId,
            GenerationPlan plan,
            int lastRound,
            AnswerJournal journal,
            SampleGeneration generation,
            SampleAcceptance acceptance,
            BatchRecords records) {
        this.jobInstanceId = jobInstanceId;
        this.batchId = batchId;
        this.plan = plan;
        this.lastRound = lastRound;
        this.journal = journal;
        this.generation = generation;
        this.acceptance = acceptance;
        this.records = records;
    }

    @Override
    public LegalSample process(Answer answer) {
        Optional<LegalSample> journaled = journal.find(jobInstanceId, answer.slot());
        if (journaled.isPresent()) {
            return journaled.get();
        }
        Completion completion = new Completion(
                answer.route().provider(), answer.route().model(), answer.content(), answer.slotBill(), 0);
        SampleGeneration.Verdict verdict;
        try {
            verdict = generation.judge(
                    plan.request(answer.slot()),
                    completion,
                    jobInstanceId,
                    batchId,
                    answer.round(),
                    answer.slotBill(),
                    acceptance);
        } catch (InvalidSampleException notASample) {
            records.judged(
                    jobInstanceId,
                    answer.slot(),
                    answer.round(),
                    LineOutcome.INVALID,
                    List.of("unusable sample: " + notASample.getMessage()));
            return null;
        }
        if (verdict.accepted()) {
            return verdict.sample();
        }
        acceptance.rejected(verdict.sample(), verdict.rejections(), answer.round() < lastRound);
        records.judged(jobInstanceId, answer.slot(), answer.round(), LineOutcome.REJECTED, verdict.problems());
        return null;
    }
}
