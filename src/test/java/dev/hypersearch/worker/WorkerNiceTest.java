package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerNiceTest {

    @BeforeEach
    void onLinux() {
        assumeTrue(Files.isDirectory(ThreadNiceValues.TASKS), "Linux /proc");
    }

    @Test
    void lowersTheGivenThreadOnlyNotTheOneAsking() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<OptionalLong> id = new CompletableFuture<>();
        Thread lowered = new Thread(() -> {
            id.complete(WorkerNice.currentThreadId());
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nice-test-low");
        lowered.start();
        long me = WorkerNice.currentThreadId().orElseThrow();
        int mine = ThreadNiceValues.of(me).orElseThrow().nice();
        assumeTrue(mine < 19, "this thread already runs at the lowest priority");
        long target = id.get().orElseThrow();
        try {
            assertThat(WorkerNice.set(mine + 1, List.of(target))).isNull();

            assertThat(ThreadNiceValues.of(target).orElseThrow())
                    .extracting(ThreadNiceValues.OsThread::name, ThreadNiceValues.OsThread::nice)
                    .containsExactly("nice-test-low", mine + 1);
            assertThat(ThreadNiceValues.of(me).orElseThrow().nice()).isEqualTo(mine);
        } finally {
            done.countDown();
            lowered.join();
        }
    }

    @Test
    void saysWhyWhenThereIsNoThreadToLower() {
        assertThat(WorkerNice.set(10, List.of())).contains("thread ids");
    }
}
