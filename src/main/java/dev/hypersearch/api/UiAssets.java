package dev.hypersearch.api;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;

/**
 * The UI's scripts and styles (static/assets/, built by Vite): their names carry a hash of their content, so a
 * browser keeps them for a year without asking again ({@code immutable}); a new build has new names, which the
 * shell (index.html, revalidated on every visit: {@code spring.web.resources.cache.cachecontrol.no-cache}) points
 * to. The build writes each one also gzip-compressed (.gz beside it): served as such to browsers that accept
 * gzip, so no response is compressed per request.
 */
@Configuration(proxyBeanMethods = false)
class UiAssets implements WebMvcConfigurer {

    static final String PATH = "/assets/**";
    static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH)
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(HASHED)
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
    }
}
