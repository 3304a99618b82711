package org.heard.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Points a Spring test at the real Kafka broker and Elasticsearch node shared by the whole test
 * JVM (started once, on free ports, without Docker), with a fresh data directory. Combine with
 * {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = HeardTestInfrastructure.class)
public @interface HeardIntegrationTest {}
