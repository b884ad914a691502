package dev.hypersearch.api;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets clients read the 413 of an oversized upload. By default Tomcat stops reading an aborted upload
 * and closes the connection, so a client still sending (most do not wait for 100 Continue) sees a reset
 * instead of the answer; swallowing it, up to server.tomcat.max-swallow-size, delivers the 413.
 */
@Configuration(proxyBeanMethods = false)
class RefusedUploads {

    @Bean
    TomcatContextCustomizer swallowAbortedUploads() {
        return context -> context.setSwallowAbortedUploads(true);
    }
}
