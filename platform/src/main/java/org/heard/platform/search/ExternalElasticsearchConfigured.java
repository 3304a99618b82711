package org.heard.platform.search;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code spring.elasticsearch.uris} points at an external cluster. */
public class ExternalElasticsearchConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isConfigured(context.getEnvironment());
    }

    public static boolean isConfigured(org.springframework.core.env.Environment environment) {
        var uris = environment.getProperty(ExternalElasticsearchSettings.URIS);
        return uris != null && !uris.isBlank()
                || environment.containsProperty(ExternalElasticsearchSettings.URIS + "[0]");
    }
}
