package org.heard.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * The index's parts on one client, for tests that seed mentions as triage writes them, change them
 * as staff do and read them back as the desk does.
 */
public record TestMentionIndex(MentionIndexSchema schema, TagWriter writer, StaffWrites staff, MentionSearch search) {

    public TestMentionIndex(ElasticsearchClient client) {
        this(new MentionIndexSchema(client), new TagWriter(client), new StaffWrites(client), new MentionSearch(client));
    }

    /** The parts, with the index made first. */
    public static TestMentionIndex on(ElasticsearchClient client) {
        var index = new TestMentionIndex(client);
        index.schema().ensureExists();
        return index;
    }
}
