package org.heard.triage.catalogue;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    /** The trust's services ({@code heard.triage.catalogue}, a YAML file), or the shipped NHS catalogue. */
    @Bean
    ServiceCatalogue serviceCatalogue(@Value("${heard.triage.catalogue:}") String catalogue) {
        return catalogue.isBlank() ? ServiceCatalogue.defaults() : ServiceCatalogue.load(Path.of(catalogue));
    }
}
