package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkSignalTest {

    private static final long HOUR_MILLIS = 3_600_000;

    @Test
    void aWakeUpWhileTheWorkerFoundNoWorkIsNotLost() {
        WorkSignal signal = new WorkSignal();
        long seen = signal.generation(); // the worker reads it, then finds no work...
        signal.wakeAll();                // ...as a search is submitted
        // it must look again at once, not at its next poll (an hour here: the guard fails long before)
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> signal.await(seen, HOUR_MILLIS));
        assertThat(signal.generation()).isEqualTo(seen + 1);
    }

    @Test
    void aWakeUpEndsAWaitInProgress() throws Exception {
        WorkSignal signal = new WorkSignal();
        long seen = signal.generation();
        Thread worker = new Thread(() -> {
            try {
                signal.await(seen, HOUR_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        while (worker.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait(); // until it is inside the wait
        }
        signal.wakeAll();
        worker.join(30_000);
        assertThat(worker.isAlive()).isFalse();
    }
}
