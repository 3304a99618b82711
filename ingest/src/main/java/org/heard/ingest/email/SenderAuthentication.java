package org.heard.ingest.email;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the receiving mail server found when it checked the sender (SPF, DKIM, DMARC), from the
 * Authentication-Results header it added (RFC 8601). Anyone can write such a header into a message,
 * so only one counts: the one from a server the mailbox names in {@code authentication-servers}, or,
 * when it names none, the topmost (the last server to receive it adds its own on top).
 *
 * <p>Authenticated means DMARC passed, or, where the server reports no DMARC, SPF or DKIM passed.
 */
final class SenderAuthentication {

    /** Hostile mail may carry thousands of these headers, or one enormous one: only so much is read. */
    private static final int MAX_HEADERS = 50;

    private static final int MAX_HEADER_LENGTH = 4_000;

    private SenderAuthentication() {}

    /** @param summary e.g. "pass (dmarc=pass spf=pass dkim=pass; by mx.trust.nhs.uk)", for the desk to show */
    record Verdict(boolean authenticated, String summary) {}

    static Verdict of(List<String> headers, List<String> trustedServers) {
        for (String header : headers.subList(0, Math.min(headers.size(), MAX_HEADERS))) {
            String value = withoutComments(
                    header.length() > MAX_HEADER_LENGTH ? header.substring(0, MAX_HEADER_LENGTH) : header);
            String[] statements = value.split(";");
            String server = statements[0].strip().split("\\s+")[0];
            if (!trustedServers.isEmpty() && trustedServers.stream().noneMatch(server::equalsIgnoreCase)) {
                continue;
            }
            return verdict(server, statements);
        }
        String from = trustedServers.isEmpty() ? "the receiving server" : String.join(", ", trustedServers);
        return new Verdict(false, "none: no Authentication-Results from " + from);
    }

    private static Verdict verdict(String server, String[] statements) {
        Map<String, String> results = new LinkedHashMap<>();
        for (int i = 1; i < statements.length; i++) {
            String first = statements[i].strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            int equals = first.indexOf('=');
            if (equals > 0) {
                String method = first.substring(0, equals);
                String result = first.substring(equals + 1);
                // Several DKIM signatures: one that passes is enough.
                results.merge(method, result, (earlier, later) -> earlier.equals("pass") ? earlier : later);
            }
        }
        String dmarc = results.get("dmarc");
        boolean authenticated = dmarc != null
                ? dmarc.equals("pass")
                : "pass".equals(results.get("spf")) || "pass".equals(results.get("dkim"));
        var found = new StringBuilder();
        for (String method : List.of("dmarc", "spf", "dkim")) {
            if (results.containsKey(method)) {
                found.append(found.isEmpty() ? "" : " ")
                        .append(method)
                        .append('=')
                        .append(results.get(method));
            }
        }
        String checks = found.isEmpty() ? "no SPF, DKIM or DMARC result" : found.toString();
        return new Verdict(
                authenticated, (authenticated ? "pass" : "fail") + " (" + checks + "; by " + Shown.line(server) + ")");
    }

    /** RFC 8601 allows comments in parentheses anywhere; they carry nothing we decide on. */
    private static String withoutComments(String value) {
        var out = new StringBuilder(value.length());
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
