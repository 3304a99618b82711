package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.heard.contracts.Channel;
import org.junit.jupiter.api.Test;

class MentionTriageTest {

    @Test
    void triagesManyMentionsInInputOrderWithTheSameTagsAsOneByOne() {
        MentionTriage triage = SharedTriage.get();
        List<TriageInput> inputs = List.of(
                TriageInput.of("a", "The midwives were wonderful, thank you", Channel.TWITTER),
                TriageInput.of("b", "Waited 9 hours in A&E, appalling", Channel.TWITTER),
                TriageInput.of("c", "", Channel.WALK_IN),
                TriageInput.of("d", "My GP receptionist was rude", Channel.EMAIL));
        List<TriageResult> all = triage.triageAll(inputs);
        assertThat(all).extracting(TriageResult::id).containsExactly("a", "b", "c", "d");
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(all.get(i)).isEqualTo(triage.triage(inputs.get(i)));
        }
        assertThat(all).allSatisfy(result -> assertThat(result.model()).startsWith("heard-triage/heard-heads-"));
    }

    @Test
    void readsOnlyTheStartOfAVeryLongStoryButFindsPersonalDataAnywhere() {
        String filler = "The food was fine and the ward was quiet. ".repeat(400);
        String text = filler + "My NHS number is 943 476 5919.";
        TriageResult result = SharedTriage.get().triage(TriageInput.of("long", text, Channel.STORY));
        assertThat(result.personalData()).hasSize(1);
        assertThat(result.personalData().getFirst().start()).isEqualTo(text.indexOf("943"));
    }
}
