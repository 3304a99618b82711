package org.heard.desk.mentions;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The desk's settings.
 *
 * @param serviceParents the catalogue tree as child service id -> parent service id, used until
 *     triage's service catalogue provides it
 */
@ConfigurationProperties("heard.desk")
public record DeskSettings(Map<String, String> serviceParents) {

    public DeskSettings {
        serviceParents = serviceParents == null ? Map.of() : Map.copyOf(serviceParents);
    }
}
