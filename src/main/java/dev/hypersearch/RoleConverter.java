package dev.hypersearch;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds {@code hypersearch.role} through {@link Role#of}, so an unknown role's error names the valid ones. */
@Component
@ConfigurationPropertiesBinding
public class RoleConverter implements Converter<String, Role> {

    @Override
    public Role convert(String source) {
        return Role.of(source);
    }
}
