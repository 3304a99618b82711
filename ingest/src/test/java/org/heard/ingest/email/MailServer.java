package org.heard.ingest.email;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A real IMAP + SMTP server (GreenMail) on free loopback ports, with one mailbox for the desk. */
final class MailServer implements AutoCloseable {

    static final String PASSWORD = "secret-for-tests";

    final GreenMail greenMail;
    final GreenMailUser user;
    final EmailSettings.Mailbox mailbox;

    MailServer(String address) {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
        });
        greenMail.start();
        user = greenMail.setUser(address, address, PASSWORD);
        mailbox = Samples.mailbox(
                address, greenMail.getImap().getPort(), greenMail.getSmtp().getPort());
    }

    void deliver(byte[] raw) {
        try {
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keywords of each message in a folder, oldest first, as a mail client would see them. */
    List<Flags> flagsIn(String folderName) throws MessagingException {
        try (Store store = MailSessions.connectImap(mailbox)) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            var flags = new ArrayList<Flags>();
            for (Message message : folder.getMessages()) {
                flags.add(message.getFlags());
            }
            folder.close(false);
            return flags;
        }
    }

    /**
     * How many clients are in IMAP IDLE on the desk's INBOX right now. GreenMail shows this nowhere,
     * so it is read from the folder's listeners: an IDLE command registers one while it waits for
     * the client's DONE and removes it after. A test that delivers only once this is 1 knows the
     * message can reach the client only through IDLE.
     */
    int clientsIdlingOnInbox() {
        try {
            Object inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            Field field = inbox.getClass().getDeclaredField("_mailboxListeners");
            field.setAccessible(true);
            List<?> listeners = (List<?>) field.get(inbox);
            synchronized (listeners) {
                return (int) listeners.stream()
                        .filter(l -> l.getClass().getSimpleName().equals("IdleFolderListener"))
                        .count();
            }
        } catch (ReflectiveOperationException | com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("cannot see GreenMail's IDLE listeners: was GreenMail upgraded?", e);
        }
    }

    /** Another person's mailbox on the same server, e.g. the patient's. */
    void addUser(String address) {
        greenMail.setUser(address, address, PASSWORD);
    }

    /** The messages in a person's INBOX, read over IMAP as their mail client would. */
    List<MimeMessage> inboxOf(String address) throws MessagingException {
        var properties = new Properties();
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), address, PASSWORD);
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            var messages = new ArrayList<MimeMessage>();
            for (Message message : folder.getMessages()) {
                messages.add(new MimeMessage((MimeMessage) message));
            }
            folder.close(false);
            return messages;
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
