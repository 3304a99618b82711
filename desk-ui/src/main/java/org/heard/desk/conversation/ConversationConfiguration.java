package org.heard.desk.conversation;

import java.time.Clock;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.mentions.ConversationHistory;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.mentions.MentionWork;
import org.heard.desk.naming.DeskNames;
import org.heard.desk.presence.Presence;
import org.heard.desk.reply.ReplyDesk;
import org.heard.desk.reply.ReplyTracker;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class ConversationConfiguration {

    @Bean
    Conversations conversations(
            InboxQueries queries,
            MentionWork work,
            ReplyDesk replies,
            ReplyTracker tracker,
            ConversationHistory history,
            Presence presence,
            AuditTrail audit,
            DeskNames names,
            Clock clock) {
        return new Conversations(queries, work, replies, tracker, history, presence, audit, names, clock);
    }
}
