package org.heard.desk.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.function.Consumer;

/**
 * The desk's single-key shortcuts, as mail and helpdesk tools have them (j/k, r, a, ...). One
 * keydown listener on the document forwards a key to the page, except while the person types in a
 * field, picks from a list or has a dialog open, and never with Ctrl, Alt or Meta (the browser's
 * and the screen reader's own keys).
 */
public final class DeskKeys {

    /** A key pressed, and how wide the window was (the inbox opens beside the list on a wide one). */
    public record Pressed(String key, int width) {}

    /** Every key, what it does: the help overlay and docs/desk.md list the same. */
    public static final List<String[]> MAP = List.of(
            new String[] {"j / ↓", "next mention in the list (opens it beside the list on a wide screen)"},
            new String[] {"k / ↑", "previous mention"},
            new String[] {"o or Enter", "open the selected mention"},
            new String[] {"u", "jump to the most urgent unanswered mention of this view"},
            new String[] {"r", "reply: go to the composer"},
            new String[] {"Ctrl+Enter", "send the reply (in the composer)"},
            new String[] {"a", "assign to me"},
            new String[] {"s", "set the status"},
            new String[] {"n", "open the next mention offered after a reply"},
            new String[] {"/", "search"},
            new String[] {"?", "this help"});

    private static final String INSTALL = """
            const host = this;
            if (host.__deskKeys) { document.removeEventListener('keydown', host.__deskKeys); }
            const keys = ['j', 'k', 'o', 'u', 'r', 'a', 's', 'n', '/', '?', 'Enter', 'ArrowDown', 'ArrowUp'];
            const typing = node => node && node.tagName && ((node.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(node.type))
                || ['TEXTAREA', 'SELECT'].includes(node.tagName)
                || node.isContentEditable || /^VAADIN-(SELECT|COMBO-BOX|MULTI-SELECT|DATE-PICKER|DIALOG|CONTEXT-MENU|MENU-BAR|TABS|TAB)/.test(node.tagName)
                || node.getAttribute('role') === 'listbox' || node.getAttribute('role') === 'dialog');
            host.__deskKeys = event => {
              if (!host.isConnected) { document.removeEventListener('keydown', host.__deskKeys); return; }
              if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented || !keys.includes(event.key)) { return; }
              if (event.composedPath().some(typing)) { return; }
              if (document.querySelector('vaadin-dialog-overlay[opened], vaadin-select-overlay[opened]')) { return; }
              const onRow = event.composedPath().some(node => node.classList && node.classList.contains('queue-row'));
              if ((event.key === 'Enter' || event.key.startsWith('Arrow')) && !onRow) { return; }
              event.preventDefault();
              host.dispatchEvent(new CustomEvent('desk-key', {detail: {key: event.key, width: window.innerWidth}}));
            };
            document.addEventListener('keydown', host.__deskKeys);
            """;

    private DeskKeys() {}

    /** Forwards the shortcuts to {@code onKey} while {@code host} is on the page. */
    public static void listen(Component host, Consumer<Pressed> onKey) {
        host.getElement()
                .addEventListener(
                        "desk-key",
                        event -> onKey.accept(new Pressed(
                                event.getEventData().get("event.detail.key").asString(),
                                event.getEventData().get("event.detail.width").asInt())))
                .addEventData("event.detail.key")
                .addEventData("event.detail.width");
        host.addAttachListener(event -> host.getElement().executeJs(INSTALL));
        host.addDetachListener(
                event -> host.getElement()
                        .executeJs(
                                "if (this.__deskKeys) { document.removeEventListener('keydown', this.__deskKeys); this.__deskKeys = null; }"));
    }

    /** The keyboard map, in a dialog that Escape closes. */
    public static void help() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Keyboard shortcuts");
        dialog.setId("keyboard-help");
        var table = new Element("table");
        table.getClassList().add("key-map");
        var head = new Element("tr");
        head.appendChild(
                new Element("th").setText("Key").setAttribute("scope", "col"),
                new Element("th").setText("What it does").setAttribute("scope", "col"));
        table.appendChild(head);
        for (String[] entry : MAP) {
            var row = new Element("tr");
            row.appendChild(
                    new Element("td").appendChild(new Element("kbd").setText(entry[0])),
                    new Element("td").setText(entry[1]));
            table.appendChild(row);
        }
        var body = new Div();
        body.getElement().appendChild(table);
        dialog.add(new Paragraph("Single keys work when you are not typing in a field."), body);
        var close = new Button("Close", event -> dialog.close());
        close.setId("keyboard-help-close");
        // Solid: the dialog's backdrop leaves a plain button's label below 4.5:1 (axe).
        close.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
        close.focus();
    }
}
