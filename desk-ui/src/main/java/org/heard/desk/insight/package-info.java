/**
 * Response insight: whether patients are answered personally and fast. The figures (response rate,
 * time to first response, backlog by urgency, sentiment by service and week, replies sent despite a
 * copy-paste or deflection warning, changes planned and made) are Elasticsearch aggregations over the
 * mention index — the desk keeps how each mention was answered on the mention itself
 * ({@link org.heard.mentions.MentionResponse}) — so there is no second store to keep in step.
 * Every figure drills down to the mentions behind it; the figures and the drill-down export as CSV.
 * A manager's figures cover their own services only: the scope is added by the server
 * ({@link org.heard.desk.mentions.InboxQueries#scopeOf}), whatever the page asks.
 */
package org.heard.desk.insight;
