package org.heard.desk.audit;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A page that could not be shown because its access could not be recorded: says so, plainly. */
@PermitAll
public class AuditUnavailableView extends VerticalLayout implements HasErrorParameter<AuditUnavailable> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AuditUnavailable> parameter) {
        removeAll();
        var title = new H2("Not shown: the audit trail is unavailable");
        var explanation = new Paragraph(AuditUnavailable.MESSAGE);
        explanation.setId("audit-unavailable");
        add(title, explanation, new Anchor("", "Back to the inbox"));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
