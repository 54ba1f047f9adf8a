package dev.legalgen.job;

import dev.legalgen.generation.AnswerJournal;
import dev.legalgen.generation.LegalSample;
import dev.legalgen.generation.Rejection;
import dev.legalgen.generation.SampleAcceptance;
import dev.legalgen.quality.dedup.DuplicateIndex;
import dev.legalgen.quality.dedup.DuplicateKey;
import dev.legalgen.quality.dedup.DuplicateVerdict;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job's last word on a sample that passed the content checks: its question is claimed in the dataset's
 * {@link DuplicateIndex} and the answer journaled, in one transaction of its own, so that after a crash at any moment
 * a journaled answer holds its claim and a claim has its answer; a repeat is refused and re-asked.
 */
final class JournalingAcceptance implements SampleAcceptance {

    private static final String DIFFERENT_QUESTION = "; write a different question, not a rewording of that one";

    private final String dataset;
    private final long jobExecutionId;
    private final DuplicateIndex duplicates;
    private final AnswerJournal journal;
    private final QualityRecorder recorder;
    private final TransactionTemplate ownTransaction;

    JournalingAcceptance(
            String dataset,
            long jobExecutionId,
            DuplicateIndex duplicates,
            AnswerJournal journal,
            QualityRecorder recorder,
            PlatformTransactionManager transactionManager) {
        this.dataset = dataset;
        this.jobExecutionId = jobExecutionId;
        this.duplicates = duplicates;
        this.journal = journal;
        this.recorder = recorder;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // never the chunk's transaction, whichever thread accepts: a rollback must not take a paid answer with it
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<Rejection> accept(LegalSample sample) {
        duplicates.open(dataset);
        Optional<Rejection> refusal = ownTransaction.execute(status -> {
            DuplicateVerdict verdict = duplicates.claim(
                    new DuplicateKey(dataset, sample.jobInstanceId(), sample.slot()), sample.question());
            if (verdict.isDuplicate()) {
                return Optional.of(new Rejection(
                        verdict.kind() == DuplicateVerdict.Kind.EXACT
                                ? Rejection.Reason.EXACT_DUPLICATE
                                : Rejection.Reason.NEAR_DUPLICATE,
                        verdict.reason() + DIFFERENT_QUESTION));
            }
            journal.record(sample, jobExecutionId);
            return Optional.empty();
        });
        if (refusal.isEmpty()) {
            recorder.accepted(sample);
        }
        return refusal;
    }

    @Override
    public void rejected(LegalSample sample, List<Rejection> rejections, boolean reasked) {
        recorder.rejected(jobExecutionId, sample, rejections, reasked);
    }
}
