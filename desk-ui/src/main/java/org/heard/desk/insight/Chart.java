package org.heard.desk.insight;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A chart drawn by the server as SVG: no script, no chart library, nothing to download. Each series
 * has a pattern as well as a colour (solid, hatched, dotted) and a legend in words, so colour never
 * carries the meaning alone; every bar has a tooltip with its number; the chart is one image to a
 * screen reader, named and summarised, and the table beside it has every figure (and the keyboard's
 * way to the mentions behind each). A bar names the figure it drills down to by its place in the
 * chart's list ({@code data-drill}), never by anything the page could make up.
 */
final class Chart {

    /** How a series is drawn: its colour (at least 3:1 against white) and its pattern. */
    enum Look {
        BLUE_SOLID("#1a5fb4", "#1a5fb4", Pattern.SOLID),
        RED_HATCHED("#b3261e", "#f9dedc", Pattern.HATCHED),
        GREY_DOTTED("#5f6368", "#e8eaed", Pattern.DOTTED),
        RED_SOLID("#b3261e", "#b3261e", Pattern.SOLID),
        ORANGE_HATCHED("#a34700", "#fde0c8", Pattern.HATCHED),
        BLUE_DOTTED("#1a5fb4", "#d7e4f7", Pattern.DOTTED),
        GREY_HATCHED("#5f6368", "#e8eaed", Pattern.HATCHED);

        final String colour;
        final String tint;
        final Pattern pattern;

        Look(String colour, String tint, Pattern pattern) {
            this.colour = colour;
            this.tint = tint;
            this.pattern = pattern;
        }
    }

    enum Pattern {
        SOLID,
        HATCHED,
        DOTTED
    }

    /** One series: its name in the legend, how it looks. */
    record Series(String name, Look look) {}

    /**
     * One bar of one series in one category.
     *
     * @param value null: nothing to draw (no reply yet, so no time to first response)
     * @param drill the index of the figure it drills down to, -1 for none
     */
    record Bar(Double value, String shown, int drill) {}

    private static final int WIDTH = 720;
    private static final String TEXT = "#1f1f1f";

    private Chart() {}

    /**
     * Columns, one per category, each a stack of its series (mentions by week and sentiment, the
     * backlog by age and urgency).
     *
     * @param bars per category, one per series
     */
    static String stackedColumns(
            String id,
            String title,
            String summary,
            List<String> categories,
            List<Series> series,
            List<List<Bar>> bars) {
        int height = 260;
        int left = 48;
        int right = 12;
        int top = 12;
        int bottom = 44;
        double plotWidth = WIDTH - left - right;
        double plotHeight = height - top - bottom;
        double largest = 0;
        for (var stack : bars) {
            largest = Math.max(
                    largest,
                    stack.stream()
                            .mapToDouble(bar -> bar.value() == null ? 0 : bar.value())
                            .sum());
        }
        double scaleMax = niceCeiling(largest);
        var svg = open(id, title, summary, height + legendHeight(series));
        for (int tick = 0; tick <= 4; tick++) {
            double value = scaleMax * tick / 4;
            double y = top + plotHeight - plotHeight * tick / 4;
            svg.append(line(left, y, WIDTH - right, y, tick == 0 ? "#5f6368" : "#d0d0d0"));
            svg.append(text(left - 6, y + 4, "end", number(value), 11));
        }
        int n = categories.size();
        double slot = n == 0 ? plotWidth : plotWidth / n;
        double barWidth = Math.max(2, Math.min(48, slot * 0.7));
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int c = 0; c < n; c++) {
            double x = left + slot * c + (slot - barWidth) / 2;
            double y = top + plotHeight;
            for (int s = 0; s < series.size(); s++) {
                var bar = bars.get(c).get(s);
                if (bar.value() == null || bar.value() <= 0 || scaleMax <= 0) {
                    continue;
                }
                double h = plotHeight * bar.value() / scaleMax;
                y -= h;
                svg.append(rect(
                        id,
                        x,
                        y,
                        barWidth,
                        h,
                        series.get(s).look(),
                        bar,
                        categories.get(c) + " · " + series.get(s).name() + ": " + bar.shown()));
            }
            if (c % labelEvery == 0) {
                svg.append(text(left + slot * c + slot / 2, top + plotHeight + 16, "middle", categories.get(c), 11));
            }
        }
        legend(svg, id, series, height - 8);
        return svg.append("</svg>").toString();
    }

    /**
     * Horizontal bars side by side per category (the median and the 90th percentile of the time to
     * first response), each labelled with its number.
     */
    static String groupedBars(
            String id,
            String title,
            String summary,
            List<String> categories,
            List<Series> series,
            List<List<Bar>> bars,
            DoubleFunction<String> axisLabel) {
        int left = 190;
        int right = 96;
        int top = 8;
        int barHeight = 14;
        int group = barHeight * series.size() + 12;
        int plotHeight = Math.max(group, group * categories.size());
        int height = top + plotHeight + 28;
        double plotWidth = WIDTH - left - right;
        double largest = 0;
        for (var row : bars) {
            for (var bar : row) {
                largest = Math.max(largest, bar.value() == null ? 0 : bar.value());
            }
        }
        double scaleMax = largest <= 0 ? 1 : largest;
        var svg = open(id, title, summary, height + legendHeight(series));
        for (int tick = 0; tick <= 4; tick++) {
            double x = left + plotWidth * tick / 4;
            svg.append(line(x, top, x, top + plotHeight, tick == 0 ? "#5f6368" : "#d0d0d0"));
            svg.append(text(x, top + plotHeight + 16, "middle", axisLabel.apply(scaleMax * tick / 4), 11));
        }
        for (int c = 0; c < categories.size(); c++) {
            double groupTop = top + group * c + 6;
            svg.append(text(left - 8, groupTop + group / 2.0 - 2, "end", shortened(categories.get(c), 30), 12));
            for (int s = 0; s < series.size(); s++) {
                var bar = bars.get(c).get(s);
                double y = groupTop + barHeight * s;
                if (bar.value() == null) {
                    svg.append(text(left + 4, y + barHeight - 3, "start", "no reply yet", 11));
                    continue;
                }
                double w = Math.max(1, plotWidth * bar.value() / scaleMax);
                svg.append(rect(
                        id,
                        left,
                        y,
                        w,
                        barHeight - 2,
                        series.get(s).look(),
                        bar,
                        categories.get(c) + " · " + series.get(s).name() + ": " + bar.shown()));
                svg.append(text(left + w + 4, y + barHeight - 3, "start", bar.shown(), 11));
            }
        }
        legend(svg, id, series, height - 4);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String summary, int height) {
        var svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"")
                .append(escape(id))
                .append("\" class=\"chart\" role=\"img\" ")
                .append("aria-labelledby=\"")
                .append(escape(id))
                .append("-title ")
                .append(escape(id))
                .append("-desc\" ")
                .append("viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" ")
                .append("style=\"max-width:")
                .append(WIDTH)
                .append("px;font-family:inherit\" focusable=\"false\">")
                .append("<title id=\"")
                .append(escape(id))
                .append("-title\">")
                .append(escape(title))
                .append("</title>")
                .append("<desc id=\"")
                .append(escape(id))
                .append("-desc\">")
                .append(escape(summary))
                .append("</desc>");
        svg.append("<defs>");
        for (var look : Look.values()) {
            svg.append(patternDef(id, look));
        }
        return svg.append("</defs>");
    }

    private static String patternDef(String id, Look look) {
        String name = escape(id) + "-" + look.name().toLowerCase(Locale.ROOT);
        return switch (look.pattern) {
            case SOLID -> "";
            case HATCHED ->
                "<pattern id=\"" + name + "\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
                        + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"" + look.tint + "\"/>"
                        + "<rect width=\"2.5\" height=\"6\" fill=\"" + look.colour + "\"/></pattern>";
            case DOTTED ->
                "<pattern id=\"" + name + "\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\">"
                        + "<rect width=\"5\" height=\"5\" fill=\"" + look.tint
                        + "\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.4\" fill=\""
                        + look.colour + "\"/></pattern>";
        };
    }

    private static String fill(String id, Look look) {
        return look.pattern == Pattern.SOLID
                ? look.colour
                : "url(#" + escape(id) + "-" + look.name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String rect(String id, double x, double y, double w, double h, Look look, Bar bar, String tooltip) {
        var rect = new StringBuilder("<rect class=\"chart-bar\" x=\"")
                .append(f(x))
                .append("\" y=\"")
                .append(f(y))
                .append("\" width=\"")
                .append(f(w))
                .append("\" height=\"")
                .append(f(h))
                .append("\" fill=\"")
                .append(fill(id, look))
                .append("\" stroke=\"")
                .append(look.colour)
                .append("\" stroke-width=\"1\"");
        if (bar.drill() >= 0) {
            rect.append(" data-drill=\"").append(bar.drill()).append("\" style=\"cursor:pointer\"");
        }
        return rect.append("><title>")
                .append(escape(tooltip))
                .append("</title></rect>")
                .toString();
    }

    private static int legendHeight(List<Series> series) {
        return series.isEmpty() ? 0 : 22;
    }

    private static void legend(StringBuilder svg, String id, List<Series> series, double y) {
        double x = 48;
        double at = y + 4;
        for (var one : series) {
            svg.append("<rect x=\"")
                    .append(f(x))
                    .append("\" y=\"")
                    .append(f(at))
                    .append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(fill(id, one.look()))
                    .append("\" stroke=\"")
                    .append(one.look().colour)
                    .append("\"/>");
            svg.append(text(x + 20, at + 12, "start", one.name(), 12));
            x += 40 + 7.5 * one.name().length();
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2) + "\" stroke=\""
                + colour + "\"/>";
    }

    private static String text(double x, double y, String anchor, String text, int size) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\" fill=\"" + TEXT + "\">" + escape(text) + "</text>";
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above the value (at least 1). */
    static double niceCeiling(double value) {
        if (value <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String shortened(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most - 1) + "…";
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text as XML text or attribute: nothing in it is ever markup. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        var escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
