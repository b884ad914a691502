package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.nn.KernelWarmup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The warm-up exists in the roles that run workers (all, worker) and not in the others (api, none), and runs
 * its task once when started; disabled, it is done at once without running it.
 */
class EngineWarmupRoleTest {

    @ParameterizedTest
    @CsvSource({"all,true", "worker,true", "api,false", "none,false"})
    void theWarmupExistsOnlyWhereWorkersRun(String role, boolean expected) {
        new ApplicationContextRunner()
                .withPropertyValues("hypersearch.role=" + role)
                .withBean(EngineWarmup.Task.class, () -> (budget, stop) -> new KernelWarmup.Report(0, 0, 0, KernelWarmup.End.BUDGET))
                .withUserConfiguration(EngineWarmup.class)
                .run(ctx -> assertThat(ctx.getBeansOfType(EngineWarmup.class)).hasSize(expected ? 1 : 0));
    }

    @ParameterizedTest
    @CsvSource({"true,1", "false,0"})
    void startRunsTheTaskOnceUnlessDisabled(boolean enabled, int runs) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        EngineWarmup warmup = new EngineWarmup(new WarmupSettings(enabled, null), (budget, stop) -> {
            calls.incrementAndGet();
            return new KernelWarmup.Report(1, 1, 1, KernelWarmup.End.ROUNDS);
        });
        warmup.start();
        warmup.start();
        assertThat(warmup.await(TimeUnit.MINUTES.toMillis(1))).isTrue();
        assertThat(calls.get()).isEqualTo(runs);
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aWarmupThatThrowsStillEnds(boolean error) throws Exception {
        EngineWarmup warmup = new EngineWarmup(new WarmupSettings(true, null), (budget, stop) -> {
            if (error) {
                throw new StackOverflowError("injected");
            }
            throw new IllegalStateException("injected");
        });
        warmup.start();
        assertThat(warmup.await(TimeUnit.MINUTES.toMillis(1))).isTrue();
    }
}
