package dev.hypersearch.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies with a key given twice ({"seed": 1, "seed": 2}) are refused (400 naming the key) rather
 * than silently keeping the last value: in a search spec that is a typo to report, not a choice to make.
 * The mapper reads through {@link FieldLocatingJsonFactory}, so that a number too long for Jackson's
 * limits is reported against its own field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer rejectDuplicateKeys() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /** Boot's own builder with another factory: Boot backs off, and every customizer still applies in order. */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(new FieldLocatingJsonFactory());
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder;
    }
}
