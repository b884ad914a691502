package dev.hypersearch.worker;

import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.KernelWarmup;
import dev.hypersearch.trial.CrossValidatedRunner;
import dev.hypersearch.trial.TrialRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@ConditionalOnWorkers
class EngineConfig {

    @Bean
    TrialRunner trialRunner() {
        return new TrialRunner(Gemms.byPrecision());
    }

    @Bean
    CrossValidatedRunner crossValidatedRunner() {
        return new CrossValidatedRunner(Gemms.byPrecision());
    }

    @Bean
    EngineWarmup.Task engineWarmupTask() {
        return new KernelWarmup(Gemms.byPrecision())::run;
    }
}
