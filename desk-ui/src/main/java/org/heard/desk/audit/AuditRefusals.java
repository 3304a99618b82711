package org.heard.desk.audit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * When a list or an export on a desk page is refused because its access could not be audited (not
 * a navigation: that shows {@link AuditUnavailableView}), the person is told why in a notification
 * rather than left with an empty grid. Everything else goes to Vaadin's own handler.
 */
@Component
class AuditRefusals implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(new Handler()));
    }

    static final class Handler implements ErrorHandler {

        private final ErrorHandler others = new DefaultErrorHandler();

        @Override
        public void error(ErrorEvent event) {
            for (Throwable cause = event.getThrowable(); cause != null; cause = cause.getCause()) {
                if (cause instanceof AuditUnavailable) {
                    var ui = UI.getCurrent();
                    if (ui != null) {
                        var notification =
                                Notification.show(AuditUnavailable.MESSAGE, 10_000, Notification.Position.MIDDLE);
                        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                        notification.setAssertive(true);
                    }
                    return;
                }
            }
            others.error(event);
        }
    }
}
