package dev.legalgen.job;

import dev.legalgen.batchmode.BatchPolling;
import dev.legalgen.batchmode.BatchResults;
import dev.legalgen.batchmode.BatchSettings;
import dev.legalgen.batchmode.BatchSubmission;
import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.catalog.PlanItemReader;
import dev.legalgen.chain.ProviderChains;
import dev.legalgen.export.DirectoryExporter;
import dev.legalgen.export.ExportFormats;
import dev.legalgen.export.ExportSettings;
import dev.legalgen.export.ExportTarget;
import dev.legalgen.export.JsonlExporter;
import dev.legalgen.generation.AnswerJournal;
import dev.legalgen.generation.LegalSample;
import dev.legalgen.generation.SampleGeneration;
import dev.legalgen.generation.SampleProcessor;
import dev.legalgen.provider.ProviderChain;
import dev.legalgen.provider.RunStoppedException;
import dev.legalgen.quality.QualitySettings;
import dev.legalgen.quality.citation.CitationChecker;
import dev.legalgen.quality.citation.CitationSettings;
import dev.legalgen.quality.dedup.DuplicateIndex;
import dev.legalgen.quality.validation.SampleValidator;
import dev.legalgen.quality.validation.ValidationSettings;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.SampleStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The dataset job: {@code preflight}, then by the run's {@code mode} either a partitioned {@code generate} step (slot
 * ranges; in each, chunks of 10 whose items call the providers concurrently) and its backfill rounds, or batch mode's
 * rounds of {@code batch-submit-n}, {@code batch-await-n} and {@code batch-ingest-n}; then {@code export}.
 */
@Configuration(proxyBeanMethods = false)
public class DatasetJobConfiguration {

    public static final String JOB_NAME = "legalDatasetJob";
    public static final String PREFLIGHT_STEP = "preflight";
    public static final String GENERATE_STEP = "generate";
    public static final String WORKER_STEP = "generateWorker";
    public static final String EXPORT_STEP = "export";
    /** Round {@code n} of the backfill is the step {@code backfill-n}. */
    public static final String BACKFILL_STEP_PREFIX = "backfill-";
    /** Round {@code n} of batch mode is the steps {@code batch-submit-n}, {@code batch-await-n}, {@code batch-ingest-n}. */
    public static final String BATCH_SUBMIT_PREFIX = "batch-submit-";

    public static final String BATCH_AWAIT_PREFIX = "batch-await-";
    public static final String BATCH_INGEST_PREFIX = "batch-ingest-";
    /** With {@code legalgen.batch.fallback=sync}: the synchronous chain for the slots the batch rounds left. */
    public static final String BATCH_FALLBACK_STEP = "batch-fallback";
    /** Samples commit every 10 items; restarts rely on it, so it is not configurable. */
    public static final int CHUNK_SIZE = 10;

    /** The listeners are every {@link JobExecutionListener} bean, in {@link JobListenerOrder}. */
    @Bean
    Job legalDatasetJob(
            JobRepository jobRepository,
            Step preflight,
            Step generate,
            Step export,
            List<JobExecutionListener> listeners,
            BackfillSteps backfill,
            BatchModeSteps batchMode) {
        JobBuilder job = new JobBuilder(JOB_NAME, jobRepository);
        listeners.forEach(job::listener);
        JobExecutionDecider byMode = (execution, step) -> new FlowExecutionStatus(
                DatasetParameters.from(execution.getJobParameters()).mode().name());
        return job.start(preflight)
                .next(byMode)
                .on(RunMode.BATCH.name())
                .to(inOrder("batch", batchMode.steps()))
                .next(export)
                .from(byMode)
                .on("*")
                .to(inOrder("sync", concat(List.of(generate), backfill.rounds())))
                .next(export)
                .end()
                .build();
    }

    private static Flow inOrder(String name, List<Step> steps) {
        FlowBuilder<Flow> flow = new FlowBuilder<Flow>(name).start(steps.get(0));
        for (Step step : steps.subList(1, steps.size())) {
            flow.next(step);
        }
        return flow.build();
    }

    private static List<Step> concat(List<Step> first, List<Step> then) {
        List<Step> steps = new ArrayList<>(first);
        steps.addAll(then);
        return steps;
    }

    /** Batch mode's steps, in order: {@code legalgen.batch.max-rounds} + 1 rounds, then the fallback when set. */
    record BatchModeSteps(List<Step> steps) {}

    /**
     * Every step of batch mode starts again on a restart, even one that completed: each goes on from what is recorded
     * (a file not sent, a batch not ended, a line not judged) and does nothing when nothing is left, so that a round
     * that a budget cut short sends the rest when a larger one continues it.
     */
    @Bean
    BatchModeSteps batchModeSteps(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            BatchRuns runs,
            BatchSubmission submission,
            BatchPolling polling,
            BatchSettings batchSettings,
            BatchAnswerReader batchAnswerReader,
            BatchAnswerProcessor batchAnswerProcessor,
            MissingSlotReader missingSlotReader,
            SampleProcessor sampleProcessor,
            SampleStore sampleStore,
            SkipRecorder skipRecorder,
            ChunkProgressLog progressLog,
            ThreadPoolTaskExecutor itemExecutor,
            JobSettings settings,
            Clock clock) {
        List<Step> steps = new ArrayList<>();
        for (int round = 1; round <= batchSettings.rounds(); round++) {
            steps.add(new StepBuilder(BATCH_SUBMIT_PREFIX + round, jobRepository)
                    .tasklet(new BatchSubmitTasklet(round, runs, submission), transactionManager)
                    .allowStartIfComplete(true)
                    .build());
            steps.add(new StepBuilder(BATCH_AWAIT_PREFIX + round, jobRepository)
                    .tasklet(new BatchAwaitTasklet(round, runs, polling, batchSettings, clock), transactionManager)
                    .allowStartIfComplete(true)
                    .build());
            steps.add(new StepBuilder(BATCH_INGEST_PREFIX + round, jobRepository)
                    .<BatchRecords.Answer, LegalSample>chunk(CHUNK_SIZE)
                    .transactionManager(transactionManager)
                    .reader(batchAnswerReader)
                    .processor(batchAnswerProcessor)
                    .writer(sampleStore)
                    .listener(progressLog)
                    .listener((StepExecutionListener) new BatchBudgetStop())
                    .allowStartIfComplete(true)
                    .build());
        }
        if (batchSettings.fallback() == BatchSettings.Fallback.SYNC) {
            steps.add(sampleStep(
                    BATCH_FALLBACK_STEP,
                    jobRepository,
                    transactionManager,
                    missingSlotReader,
                    sampleProcessor,
                    sampleStore,
                    skipRecorder,
                    progressLog,
                    itemExecutor,
                    settings));
        }
        return new BatchModeSteps(steps);
    }

    /** The round of a batch step, from its name ({@code batch-ingest-2}: 2). */
    static int roundOf(StepExecution step) {
        String name = step.getStepName();
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    /** The backfill's rounds, in order: {@code legalgen.quality.backfill-rounds} steps (none for 0). */
    record BackfillSteps(List<Step> rounds) {}

    /** Each round gives the slots still missing one more item's attempts, with the generate step's policies. */
    @Bean
    BackfillSteps backfillSteps(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            MissingSlotReader missingSlotReader,
            SampleProcessor sampleProcessor,
            SampleStore sampleStore,
            SkipRecorder skipRecorder,
            ChunkProgressLog progressLog,
            ThreadPoolTaskExecutor itemExecutor,
            JobSettings settings,
            QualitySettings quality) {
        List<Step> rounds = new ArrayList<>();
        for (int round = 1; round <= quality.backfillRounds(); round++) {
            rounds.add(sampleStep(
                    BACKFILL_STEP_PREFIX + round,
                    jobRepository,
                    transactionManager,
                    missingSlotReader,
                    sampleProcessor,
                    sampleStore,
                    skipRecorder,
                    progressLog,
                    itemExecutor,
                    settings));
        }
        return new BackfillSteps(rounds);
    }

    /**
     * Every run (restarts too) first checks its providers: a wrong key or URL fails it before any item. A run whose
     * budget earlier executions spent stops here, STOPPED, without calling anyone.
     */
    @Bean
    Step preflight(JobRepository jobRepository, PlatformTransactionManager transactionManager, ProviderChains chains) {
        return new StepBuilder(PREFLIGHT_STEP, jobRepository)
                .tasklet(
                        (contribution, chunkContext) -> {
                            try {
                                chainOf(contribution.getStepExecution().getJobExecution(), chains)
                                        .preflight();
                            } catch (RunStoppedException budgetSpent) {
                                contribution.getStepExecution().setTerminateOnly();
                            }
                            return RepeatStatus.FINISHED;
                        },
                        transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /** Local partitioning: the partitions run on this process's threads (remote mode has its own generate step). */
    @Bean
    @ConditionalOnProperty(name = "legalgen.job.partitioning", havingValue = "local", matchIfMissing = true)
    Step generate(
            JobRepository jobRepository,
            Step generateWorker,
            SlotPartitioner slotPartitioner,
            ThreadPoolTaskExecutor partitionExecutor,
            JobSettings settings) {
        return new StepBuilder(GENERATE_STEP, jobRepository)
                .partitioner(WORKER_STEP, slotPartitioner)
                .step(generateWorker)
                .gridSize(settings.partitions())
                .taskExecutor(partitionExecutor)
                .build();
    }

    @Bean
    Step generateWorker(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            PlanItemReader planReader,
            SampleProcessor sampleProcessor,
            SampleStore sampleStore,
            SkipRecorder skipRecorder,
            ChunkProgressLog progressLog,
            ThreadPoolTaskExecutor itemExecutor,
            JobSettings settings) {
        return sampleStep(
                WORKER_STEP,
                jobRepository,
                transactionManager,
                planReader,
                sampleProcessor,
                sampleStore,
                skipRecorder,
                progressLog,
                itemExecutor,
                settings);
    }

    /** A chunk step that generates the samples of the slots {@code reader} gives, its items concurrently. */
    private static Step sampleStep(
            String name,
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            ItemStreamReader<GenerationRequest> reader,
            SampleProcessor sampleProcessor,
            SampleStore sampleStore,
            SkipRecorder skipRecorder,
            ChunkProgressLog progressLog,
            ThreadPoolTaskExecutor itemExecutor,
            JobSettings settings) {
        ItemsInFlight itemsInFlight = new ItemsInFlight(settings.shutdownTimeout());
        return new StepBuilder(name, jobRepository)
                .<GenerationRequest, LegalSample>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(sampleProcessor)
                .writer(sampleStore)
                .faultTolerant()
                .retryPolicy(FaultPolicies.retryPolicy(settings))
                .skipPolicy(FaultPolicies.skipPolicy(settings))
                .skipListener(skipRecorder)
                .listener(progressLog)
                .listener((StepExecutionListener) new StopWhileWaiting())
                .listener((StepExecutionListener) itemsInFlight)
                .listener((ItemProcessListener<GenerationRequest, LegalSample>) itemsInFlight)
                .processorNonTransactional()
                .taskExecutor(itemExecutor)
                .build();
    }

    @Bean
    Step export(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            JsonlExporter exporter,
            DirectoryExporter layout,
            ExportFormats formats,
            ExportSettings settings) {
        return new StepBuilder(EXPORT_STEP, jobRepository)
                .tasklet(
                        (contribution, chunkContext) -> {
                            StepExecution step = contribution.getStepExecution();
                            ExportTarget target = DatasetParameters.from(step.getJobParameters())
                                    .exportTarget();
                            long instanceId =
                                    step.getJobExecution().getJobInstance().getInstanceId();
                            contribution.incrementWriteCount(exporter.export(instanceId, target.fileOf(instanceId)));
                            target.exported(instanceId);
                            if (!settings.formats().isEmpty()) { // the trainer-ready layout, when configured
                                layout.export(
                                        step.getJobExecutionId(),
                                        formats.select(settings.formats()),
                                        settings.splitPlan(),
                                        target.layoutOf(instanceId));
                            }
                            return RepeatStatus.FINISHED;
                        },
                        transactionManager)
                .build();
    }

    @Bean
    @StepScope
    SlotPartitioner slotPartitioner(@Value("#{stepExecution}") StepExecution stepExecution, RunPlans plans) {
        return new SlotPartitioner(plans.of(stepExecution.getJobExecution()).targetCount());
    }

    @Bean
    @StepScope
    PlanItemReader planReader(@Value("#{stepExecution}") StepExecution stepExecution, RunPlans plans) {
        PlanItemReader reader = new PlanItemReader(
                plans.of(stepExecution.getJobExecution()),
                stepExecution.getExecutionContext().getInt(SlotPartitioner.FROM_SLOT),
                stepExecution.getExecutionContext().getInt(SlotPartitioner.TO_SLOT));
        return reader;
    }

    @Bean
    @StepScope
    MissingSlotReader missingSlotReader(
            @Value("#{stepExecution}") StepExecution stepExecution, RunPlans plans, SampleStore samples) {
        JobExecution job = stepExecution.getJobExecution();
        return new MissingSlotReader(plans.of(job), job.getJobInstance().getInstanceId(), samples);
    }

    @Bean
    @StepScope
    BatchAnswerReader batchAnswerReader(
            @Value("#{stepExecution}") StepExecution stepExecution,
            BatchRuns runs,
            BatchResults results,
            BatchRecords records,
            DuplicateIndex duplicates) {
        JobExecution job = stepExecution.getJobExecution();
        return new BatchAnswerReader(
                runs.of(job),
                roundOf(stepExecution),
                results,
                records,
                duplicates,
                DatasetParameters.from(job.getJobParameters()).dataset());
    }

    @Bean
    @StepScope
    BatchAnswerProcessor batchAnswerProcessor(
            @Value("#{stepExecution}") StepExecution stepExecution,
            RunPlans plans,
            AnswerJournal journal,
            SampleGeneration generation,
            DuplicateIndex duplicates,
            QualityRecorder recorder,
            PlatformTransactionManager transactionManager,
            BatchRecords records,
            BatchSettings batchSettings) {
        JobExecution job = stepExecution.getJobExecution();
        return new BatchAnswerProcessor(
                job.getJobInstance().getInstanceId(),
                job.getExecutionContext().getString(DatasetRunListener.BATCH_ID),
                plans.of(job),
                batchSettings.rounds(),
                journal,
                generation,
                acceptance(job, duplicates, journal, recorder, transactionManager),
                records);
    }

    @Bean
    @StepScope
    SampleProcessor sampleProcessor(
            @Value("#{stepExecution}") StepExecution stepExecution,
            ProviderChains chains,
            AnswerJournal journal,
            SampleGeneration generation,
            DuplicateIndex duplicates,
            QualityRecorder recorder,
            PlatformTransactionManager transactionManager) {
        JobExecution job = stepExecution.getJobExecution();
        SampleProcessor.SampleContext context = new SampleProcessor.SampleContext(
                job.getJobInstance().getInstanceId(),
                job.getExecutionContext().getString(DatasetRunListener.BATCH_ID),
                () -> stepExecution.getStatus() == BatchStatus.FAILED);
        return new SampleProcessor(
                context,
                journal,
                generation,
                chainOf(job, chains),
                acceptance(job, duplicates, journal, recorder, transactionManager));
    }

    private static JournalingAcceptance acceptance(
            JobExecution job,
            DuplicateIndex duplicates,
            AnswerJournal journal,
            QualityRecorder recorder,
            PlatformTransactionManager transactionManager) {
        return new JournalingAcceptance(
                DatasetParameters.from(job.getJobParameters()).dataset(),
                job.getId(),
                duplicates,
                journal,
                recorder,
                transactionManager);
    }

    private static ProviderChain chainOf(JobExecution execution, ProviderChains chains) {
        DatasetParameters params = DatasetParameters.from(execution.getJobParameters());
        return chains.forRun(
                execution.getId(), execution.getJobInstance().getInstanceId(), params.chain(), params.budget());
    }

    /** Shared by the job's processors and the REST API's single sample. */
    @Bean
    SampleGeneration sampleGeneration(
            ValidationSettings validation,
            CitationChecker citations,
            CitationSettings citationSettings,
            QualitySettings quality,
            Clock clock) {
        return new SampleGeneration(
                new SampleValidator(validation), citations, citationSettings.citations(), quality, clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ThreadPoolTaskExecutor partitionExecutor(JobSettings settings) {
        return executor("partition-", settings.partitions());
    }

    /** Shared by all partitions: each submits at most one chunk of items at a time. */
    @Bean
    ThreadPoolTaskExecutor itemExecutor(JobSettings settings) {
        return executor("llm-", settings.callsInFlight());
    }

    private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setAllowCoreThreadTimeOut(true);
        return executor;
    }
}
