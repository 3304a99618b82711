package org.heard.ingest.reliability;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * An ingest instance as the desk's jar runs it with {@code heard.roles=ingest}: the platform's Kafka
 * and Elasticsearch wiring and every channel, here with the embedded mail server. The reliability
 * check runs it as a child JVM, so that killing it is a real crash.
 */
@SpringBootApplication
@ComponentScan(
        basePackages = {"org.heard.platform", "org.heard.ingest"},
        // Test classes share these packages on this class path; none of them belongs in the node.
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(Test|IT|Check|Benchmark)(\\$.*)?"))
public class IngestNode {

    public static void main(String[] args) {
        SpringApplication.run(IngestNode.class, args);
    }
}
