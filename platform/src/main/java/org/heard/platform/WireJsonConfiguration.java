package org.heard.platform;

import org.heard.contracts.WireEnum;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The web's JSON (the API, the OpenAPI description) names enums by the same rule as Kafka and the index. */
@Configuration(proxyBeanMethods = false)
class WireJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer wireEnumNames() {
        return WireEnum::rule;
    }
}
