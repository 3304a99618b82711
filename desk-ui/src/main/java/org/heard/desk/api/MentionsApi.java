package org.heard.desk.api;

import java.util.List;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.heard.triage.index.MentionDocument;
import org.heard.triage.index.MentionIndex;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The JSON API for integrations: search mentions, most urgent and longest-waiting first. */
@RestController
@ConditionalOnRole(HeardRole.DESK)
@RequestMapping("/api/mentions")
class MentionsApi {

    static final int MAX_SIZE = 100;

    private final MentionIndex index;

    MentionsApi(MentionIndex index) {
        this.index = index;
    }

    @GetMapping
    MentionPage search(
            @RequestParam(name = "q", required = false) String words,
            @RequestParam(name = "size", defaultValue = "20") int size,
            @RequestParam(name = "from", defaultValue = "0") int from) {
        if (size < 1 || size > MAX_SIZE || from < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be 1.." + MAX_SIZE + " and from >= 0");
        }
        var page = index.search(words, from, size);
        return new MentionPage(page.total(), page.mentions());
    }

    record MentionPage(long total, List<MentionDocument> mentions) {}
}
