package org.heard.ingest.channel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@link ChannelLeases} of an ingest instance: all accounts here, or shared with the other
 * ingest instances through Kafka ({@code heard.channel.leases.mode=kafka}). Closed after the
 * connectors stopped, so leaving the group hands the accounts on at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.INGEST)
@EnableConfigurationProperties(ChannelLeaseSettings.class)
class ChannelLeasesConfiguration {

    @Bean
    ChannelLeases channelLeases(ChannelLeaseSettings settings, KafkaAdmin kafkaAdmin) {
        return switch (settings.mode()) {
            case THIS_INSTANCE -> ChannelLeases.allOnThisInstance();
            case KAFKA -> new KafkaChannelLeases(settings, kafkaAdmin.getConfigurationProperties(), instanceName());
        };
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
