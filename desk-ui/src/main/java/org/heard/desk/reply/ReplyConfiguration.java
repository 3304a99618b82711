package org.heard.desk.reply;

import java.time.Clock;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffSettings;
import org.heard.mentions.StaffWrites;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class ReplyConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PersonalDataSpotter personalDataSpotter() {
        return new PatternPersonalDataSpotter();
    }

    @Bean
    ReplyDesk replyDesk(
            InboxQueries queries,
            StaffWrites index,
            ActivityLog activity,
            EventPublisher publisher,
            PersonalDataSpotter spotter,
            StaffSettings staff,
            Clock clock) {
        var staffNames = staff.users().stream()
                .map(StaffSettings.StaffMember::displayName)
                .toList();
        return new ReplyDesk(queries, index, activity, publisher, spotter, staffNames, clock);
    }

    @Bean
    ReplyTracker replyTracker(ActivityLog activity, StaffWrites index, EventPublisher publisher, Clock clock) {
        return new ReplyTracker(activity, index, publisher, clock);
    }
}
