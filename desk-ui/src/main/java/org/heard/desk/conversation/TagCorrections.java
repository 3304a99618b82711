package org.heard.desk.conversation;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.function.Function;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.desk.mentions.MentionWork;
import org.heard.desk.naming.DeskNames;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionResponse;

/**
 * Correcting triage's tags (kept as labelled data for the next model) and marking that a
 * conversation led to a change. The listeners are registered once; {@link #show} only sets values.
 */
final class TagCorrections extends Details {

    /** Carries out one correction on the mention shown, and reports how it went. */
    interface Corrector {
        void correct(Function<String, MentionWork.Outcome> action, String done);
    }

    private final Select<Sentiment.Label> sentiment = new Select<>();
    private final Select<Urgency.Level> urgency = new Select<>();
    private final ComboBox<DeskNames.ServiceChoice> service = new ComboBox<>("Correct service");
    private final Select<MentionResponse.Change> change = new Select<>();

    TagCorrections(DeskNames names, MentionWork work, org.heard.desk.security.StaffUser user, Corrector corrector) {
        setSummaryText("Correct the tags, or mark a change");
        setId("tags");
        sentiment.setLabel("Correct sentiment");
        sentiment.setId("correct-sentiment");
        sentiment.setItems(Sentiment.Label.values());
        sentiment.setItemLabelGenerator(DeskNames::sentiment);
        sentiment.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                corrector.correct(id -> work.correctSentiment(user, id, event.getValue()), "Sentiment corrected");
            }
        });
        urgency.setLabel("Correct urgency");
        urgency.setId("correct-urgency");
        urgency.setItems(Urgency.Level.values());
        urgency.setItemLabelGenerator(DeskNames::urgency);
        urgency.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                corrector.correct(id -> work.correctUrgency(user, id, event.getValue()), "Urgency corrected");
            }
        });
        service.setId("correct-service");
        service.setItems(names.services());
        service.setItemLabelGenerator(DeskNames.ServiceChoice::path);
        service.setPlaceholder("Type a service's name");
        service.setClearButtonVisible(true);
        service.setMinWidth("16em");
        service.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                corrector.correct(
                        id -> work.correctService(user, id, event.getValue().id()), "Service corrected");
            }
        });
        change.setLabel("Led to a change");
        change.setId("mark-change");
        change.setItems(MentionResponse.Change.values());
        change.setItemLabelGenerator(TagCorrections::changeName);
        change.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                corrector.correct(
                        id -> work.markChange(user, id, event.getValue()), "Marked: " + changeName(event.getValue()));
            }
        });
        var row = new HorizontalLayout(sentiment, urgency, service, change);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        add(row);
        setOpened(true);
    }

    void show(MentionDocument mention) {
        sentiment.clear();
        urgency.clear();
        service.clear();
        change.setValue(mention.response() == null ? null : mention.response().change());
    }

    private static String changeName(MentionResponse.Change mark) {
        return mark == MentionResponse.Change.MADE ? "change made" : "change planned";
    }
}
