package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The bean exists only in processes whose {@code hypersearch.role} runs workers (all, worker). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Conditional(ConditionalOnWorkers.RoleRunsWorkers.class)
@interface ConditionalOnWorkers {

    final class RoleRunsWorkers implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return HypersearchProperties.bind(context.getEnvironment()).runsWorkers();
        }
    }
}
