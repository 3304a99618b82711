package org.heard.desk.manual;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.Arrays;
import org.heard.contracts.Channel;
import org.heard.desk.security.StaffUser;

/** The form for feedback given in person, by phone or by letter. */
@Route("log")
@PageTitle("Log feedback · Heard")
@Menu(title = "Log feedback", order = 10)
@PermitAll
public class LogFeedbackView extends VerticalLayout {

    public LogFeedbackView(LoggedFeedback feedback, AuthenticationContext authentication) {
        var user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();
        var channel = new Select<Channel>();
        channel.setLabel("Given");
        channel.setId("log-channel");
        channel.setItems(
                Arrays.stream(Channel.values()).filter(c -> !c.online()).toList());
        channel.setItemLabelGenerator(c -> switch (c) {
            case WALK_IN -> "In person";
            case PHONE -> "By phone";
            case LETTER -> "By letter";
            default -> c.wire();
        });
        channel.setValue(Channel.WALK_IN);
        var name = new TextField("Their name (optional)");
        name.setId("log-name");
        var contact = new TextField("How to reach them (optional)");
        contact.setId("log-contact");
        var service = new TextField("Service (if known)");
        service.setId("log-service");
        var subject = new TextField("Subject");
        subject.setId("log-subject");
        var text = new TextArea("What they said");
        text.setId("log-text");
        text.setMinHeight("10em");
        var givenAt = new DateTimePicker("When");
        givenAt.setId("log-when");
        var save = new Button("Log feedback");
        save.setId("log-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> {
            var result = feedback.log(
                    user.getUsername(),
                    channel.getValue(),
                    name.getValue(),
                    contact.getValue(),
                    service.getValue(),
                    subject.getValue(),
                    text.getValue(),
                    givenAt.getValue() == null
                            ? null
                            : givenAt.getValue()
                                    .atZone(ZoneId.of("Europe/London"))
                                    .toInstant());
            switch (result) {
                case LoggedFeedback.Logged.Accepted accepted -> {
                    Notification.show(
                                    "Logged: it will appear in the inbox once triaged",
                                    4000,
                                    Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    name.clear();
                    contact.clear();
                    subject.clear();
                    text.clear();
                }
                case LoggedFeedback.Logged.Refused refused ->
                    Notification.show(refused.reason(), 5000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        var form = new FormLayout(channel, givenAt, name, contact, service, subject, text);
        form.setColspan(text, 2);
        add(new Anchor("", "← Inbox"), new H2("Log feedback given in person, by phone or by letter"), form, save);
    }
}
