package org.heard.ingest.demo;

import java.nio.file.Path;
import java.time.Clock;
import org.heard.ingest.email.EmailChannel;
import org.heard.ingest.email.EmailSettings;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar heard.jar demo} (or {@code heard.demo.enabled=true}): once the desk is up, the
 * sample mentions go to the embedded demo mailbox. Needs the ingest role, which owns the mailbox.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.INGEST)
class DemoConfiguration {

    @Bean
    DemoMentions demoMentions(
            EmailChannel channel,
            EmailSettings settings,
            @Value("${heard.data-dir:./data}") Path dataDir,
            Clock clock) {
        return new DemoMentions(channel, settings, dataDir, clock);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> demoWhenReady(
            DemoMentions demo, @Value("${heard.demo.enabled:false}") boolean enabled) {
        return event -> {
            if (enabled) {
                // Off the start-up thread: the desk is usable while the samples go out.
                Thread.ofVirtual().name("heard-demo").start(demo::sendOnce);
            }
        };
    }
}
