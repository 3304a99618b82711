package org.heard.deploy;

import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Whether an environment variable sets a setting, decided by Spring Boot's own binder mapping. */
final class EnvironmentVariables {

    private EnvironmentVariables() {}

    /**
     * True when Spring Boot, finding {@code variable} in the environment, binds it to
     * {@code setting}. Reference notation is allowed on both sides: {@code [N]} / {@code _N_} for
     * a list index, {@code <key>} / {@code <KEY>} for a map key.
     */
    static boolean sets(String variable, String setting) {
        String concreteVariable = variable.replace("_N_", "_0_").replaceAll("<[^>]+>", "X");
        String concreteSetting = Setting.normalised(setting).replace("[N]", "[0]");
        ConfigurationPropertySource source = sourceOf(concreteVariable);
        if (concreteSetting.endsWith(".<key>")) {
            var map = ConfigurationPropertyName.of(
                    concreteSetting.substring(0, concreteSetting.length() - ".<key>".length()));
            return source.containsDescendantOf(map) == ConfigurationPropertyState.PRESENT;
        }
        if (!ConfigurationPropertyName.isValid(concreteSetting)) {
            return false;
        }
        return source.getConfigurationProperty(ConfigurationPropertyName.of(concreteSetting)) != null;
    }

    /** Spring's view of an environment holding only this variable. */
    private static ConfigurationPropertySource sourceOf(String variable) {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value"));
        return ConfigurationPropertySources.from(environment).iterator().next();
    }
}
