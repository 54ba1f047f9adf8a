package dev.legalgen.batchmode;

import dev.legalgen.catalog.GenerationPlan;
import dev.legalgen.chain.BatchTarget;
import dev.legalgen.chain.Budget;

/** What every step of a run in batch mode works on: its instance, this execution, the plan, where and within what. */
public record BatchRun(
        long jobInstanceId, long jobExecutionId, GenerationPlan plan, BatchTarget target, Budget budget) {}
