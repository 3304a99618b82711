package org.heard.ingest.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML email body into plain text staff can read safely: no markup, scripts, styles or
 * remote images survive, only the words with their paragraph breaks (and link targets, which staff
 * may need to judge a message).
 */
final class HtmlText {

    private HtmlText() {}

    static String toText(String html) {
        Document document = Jsoup.parse(html == null ? "" : html);
        document.select("script, style, head, title, template, noscript").remove();
        var text = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode textNode) {
                            text.append(textNode.text());
                        } else if (node instanceof Element element) {
                            switch (element.normalName()) {
                                case "br" -> text.append('\n');
                                case "p",
                                        "div",
                                        "tr",
                                        "li",
                                        "h1",
                                        "h2",
                                        "h3",
                                        "h4",
                                        "h5",
                                        "h6",
                                        "blockquote",
                                        "pre",
                                        "table",
                                        "hr" -> newline(text);
                                default -> {}
                            }
                            if (element.normalName().equals("li")) {
                                text.append("- ");
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element) {
                            switch (element.normalName()) {
                                case "p",
                                        "div",
                                        "tr",
                                        "li",
                                        "h1",
                                        "h2",
                                        "h3",
                                        "h4",
                                        "h5",
                                        "h6",
                                        "blockquote",
                                        "pre",
                                        "table" -> newline(text);
                                case "a" -> {
                                    String href = element.absUrl("href").isEmpty()
                                            ? element.attr("href")
                                            : element.absUrl("href");
                                    if (!href.isBlank()
                                            && !href.startsWith("mailto:")
                                            && !element.text().contains(href)) {
                                        text.append(" (").append(href).append(')');
                                    }
                                }
                                case "td", "th" -> text.append(' ');
                                default -> {}
                            }
                        }
                    }
                },
                document.body() == null ? document : document.body());
        return tidy(text.toString());
    }

    private static void newline(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    /** Non-breaking spaces to spaces, trailing blanks off, at most one empty line in a row. */
    static String tidy(String text) {
        String normalised = text.replace('\u00a0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        var out = new StringBuilder();
        int blankRun = 0;
        for (String line : normalised.split("\n", -1)) {
            String stripped = line.stripTrailing().replaceAll("[ \\t]{2,}", " ");
            if (stripped.isBlank()) {
                blankRun++;
                if (blankRun > 1) {
                    continue;
                }
                out.append('\n');
            } else {
                blankRun = 0;
                out.append(stripped.startsWith(" ") ? stripped.stripLeading() : stripped)
                        .append('\n');
            }
        }
        return out.toString().strip();
    }
}
