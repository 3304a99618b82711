package org.heard.desk.shell;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import org.heard.platform.roles.HeardRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * An instance without the desk role (an ingest or triage worker) serves no pages: its routes are
 * removed, so a misrouted request finds nothing rather than a half-wired desk.
 */
@Component
class DeskRole implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(DeskRole.class);

    private final boolean enabled;

    DeskRole(Environment environment) {
        this.enabled = HeardRole.enabledIn(environment).contains(HeardRole.DESK);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (enabled) {
            return;
        }
        var routes = RouteConfiguration.forRegistry(
                ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        routes.getAvailableRoutes().forEach(route -> routes.removeRoute(route.getTemplate()));
        log.info("heard.roles has no 'desk': this instance serves no desk pages");
    }
}
