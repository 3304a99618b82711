package org.heard.ingest.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SearchTerm;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.integration.mail.inbound.SearchTermStrategy;

/**
 * Which mail the intake still has to take in: not yet marked processed or dead-lettered by us, not
 * deleted, and received on or after the mailbox's start date. Nothing else on the server counts:
 * not \Seen (staff read the mailbox in their own client too), and not the keyword Spring
 * Integration puts on what it fetched, which happens before Kafka acknowledged anything.
 */
final class WaitingMail implements SearchTermStrategy {

    private final SearchTerm term;

    WaitingMail(EmailSettings.Mailbox mailbox) {
        SearchTerm waiting = new AndTerm(new SearchTerm[] {
            new NotTerm(new FlagTerm(new Flags(MailboxIntake.PROCESSED), true)),
            new NotTerm(new FlagTerm(new Flags(MailboxIntake.DEAD_LETTERED), true)),
            new NotTerm(new FlagTerm(new Flags(Flags.Flag.DELETED), true))
        });
        if (mailbox.startDate() != null) {
            var since =
                    Date.from(mailbox.startDate().atStartOfDay(ZoneOffset.UTC).toInstant());
            waiting = new AndTerm(waiting, new ReceivedDateTerm(ComparisonTerm.GE, since));
        }
        this.term = waiting;
    }

    @Override
    public SearchTerm generateSearchTerm(Flags supportedFlags, Folder folder) {
        return term;
    }
}
