package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

class ItemsInFlightTests {

    private final StepExecution step = MetaDataInstanceFactory.createStepExecution();
    private final ItemsInFlight inFlight = new ItemsInFlight(Duration.ofSeconds(30));

    @Test
    void aStepEndsOnlyWhenTheItemsItStartedHaveEnded() throws Exception {
        // given an item of the step still being processed on a worker thread
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread item = new Thread(() -> {
            StepSynchronizationManager.register(step);
            try {
                inFlight.beforeProcess(null);
                started.countDown();
                finish.await();
                inFlight.onProcessError(null, new IllegalStateException("its call failed"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                StepSynchronizationManager.close();
            }
        });
        item.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // when the step ends
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> inFlight.afterStep(step));

        // then it waits for the item
        assertThat(ended).as("the item is still out").isNotDone();
        Thread.sleep(200);
        assertThat(ended).as("still out a moment later").isNotDone();
        finish.countDown();
        ended.get(10, TimeUnit.SECONDS);
        item.join(10_000);
    }

    @Test
    void aStepWithNoItemOutEndsAtOnce() {
        // given an item that started and ended
        StepSynchronizationManager.register(step);
        try {
            inFlight.beforeProcess(null);
            inFlight.afterProcess(null, null);
        } finally {
            StepSynchronizationManager.close();
        }

        // when/then
        assertThat(CompletableFuture.runAsync(() -> inFlight.afterStep(step))).succeedsWithin(Duration.ofSeconds(1));
    }
}
