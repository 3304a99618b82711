package org.heard.desk.naming;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionStatus;

/**
 * The small labels the desk shows on a mention. Each says what it means in words; the colour only
 * repeats it (WCAG 1.4.1), and every text is set as text.
 */
public final class Chips {

    private Chips() {}

    public static Span urgency(Urgency.Level level) {
        var chip = chip(
                DeskNames.urgency(level),
                switch (level) {
                    case IMMEDIATE -> "badge error primary";
                    case HIGH -> "badge error";
                    case NORMAL -> "badge contrast";
                });
        chip.addClassName("chip-urgency");
        if (level != Urgency.Level.NORMAL) {
            chip.addComponentAsFirst(
                    icon(level == Urgency.Level.IMMEDIATE ? VaadinIcon.EXCLAMATION_CIRCLE : VaadinIcon.ARROW_UP));
        }
        return chip;
    }

    public static Span sentiment(Sentiment.Label label) {
        var chip = chip(
                DeskNames.sentiment(label),
                switch (label) {
                    case NEGATIVE -> "badge warning";
                    case NEUTRAL -> "badge contrast";
                    case POSITIVE -> "badge success";
                });
        chip.addClassName("chip-sentiment");
        return chip;
    }

    public static Span status(MentionStatus status) {
        var chip = chip(DeskNames.status(status), "badge contrast");
        chip.addClassName("chip-status");
        return chip;
    }

    /** The channel's icon (decorative) and its name. */
    public static Span channel(Channel channel) {
        var chip = new Span();
        chip.addClassName("channel");
        chip.add(icon(DeskNames.channelIcon(channel)), new Span(DeskNames.channel(channel)));
        return chip;
    }

    public static Span chip(String text, String theme) {
        var chip = new Span(text);
        chip.getElement().getThemeList().add(theme);
        chip.addClassName("chip");
        return chip;
    }

    /** An icon that repeats the words next to it: hidden from screen readers. */
    public static Icon icon(VaadinIcon which) {
        var icon = which.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        icon.addClassName("chip-icon");
        return icon;
    }
}
