package org.heard.ingest.twitter;

import java.util.List;
import org.heard.ingest.channel.ChannelConnector;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * One {@link ChannelConnector} bean per configured X account (or the one that says the channel is
 * not configured), so health and the desk find every account the way they find other channels'.
 */
class TwitterConnectorBeans implements BeanRegistrar {

    /** Only the handles are read here; the settings are bound and checked in full by their own bean. */
    record AccountName(String handle) {}

    @Override
    public void register(BeanRegistry registry, Environment environment) {
        var accounts = Binder.get(environment)
                .bind("heard.channel.twitter.accounts", Bindable.listOf(AccountName.class))
                .orElse(List.of());
        int connectors = Math.max(1, accounts.size());
        for (int index = 0; index < connectors; index++) {
            int which = index;
            registry.registerBean(
                    "twitterConnector" + index,
                    ChannelConnector.class,
                    spec -> spec.description("X account "
                                    + (which < accounts.size()
                                            ? accounts.get(which).handle()
                                            : "(none configured)"))
                            .supplier(context -> context.bean(TwitterChannel.class)
                                    .connectors()
                                    .get(which)));
        }
    }
}
