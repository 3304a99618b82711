package org.heard.desk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.heard.mentions.MentionSearch;
import org.junit.jupiter.api.Test;

class MentionCursorTest {

    @Test
    void aCursorReadsBackAsThePositionItWasMadeFrom() {
        var cursor = new MentionCursor(
                MentionSearch.Order.NEWEST_PUBLISHED,
                new MentionSearch.Position(1_764_000_000_000L, "twitter:mention:1:2"));

        assertThat(MentionCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anythingElseIsRefusedAsNotACursor() {
        assertThatThrownBy(() -> MentionCursor.decode("not a cursor")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MentionCursor.decode("MTpGT086eDp5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MentionCursor.decode("")).isInstanceOf(IllegalArgumentException.class);
    }
}
