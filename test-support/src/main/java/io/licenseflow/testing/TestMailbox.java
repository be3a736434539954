package io.licenseflow.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;

/**
 * Reads a mailbox of the test stack's mail server (GreenMail, part "mail") over IMAP, as any mail client would: login
 * and password are the address. Tests send through the real SMTP server and read here what arrived.
 */
public final class TestMailbox {

    /** A message as it arrived: its headers (first value of each), plain-text and HTML parts. */
    public record ReceivedMessage(String subject, String from, List<String> to, Map<String, String> headers, String text, String html) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private TestMailbox() {
    }

    public static String smtpPort() {
        return mailStack().get("LF_SMTP_PORT");
    }

    /** Every message in the address's inbox, oldest first. */
    public static List<ReceivedMessage> messages(String address) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", mailStack().get("LF_IMAP_PORT"));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect(address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<ReceivedMessage> messages = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    messages.add(read(message));
                }
                return messages;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        }
    }

    /** Waits until the inbox holds {@code count} messages (and returns them); fails if it ever holds more. */
    public static List<ReceivedMessage> await(String address, int count, Duration within) {
        List<List<ReceivedMessage>> seen = new ArrayList<>(List.of(List.of()));
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
            seen.set(0, messages(address));
            return seen.get(0).size() >= count;
        });
        if (seen.get(0).size() > count) {
            throw new AssertionError(address + " received " + seen.get(0).size() + " messages, expected " + count + ": "
                    + seen.get(0).stream().map(ReceivedMessage::subject).toList());
        }
        return seen.get(0);
    }

    private static ReceivedMessage read(Message message) throws MessagingException, IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (var header : Collections.list(message.getAllHeaders())) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        List<String> to = new ArrayList<>();
        for (var address : message.getRecipients(Message.RecipientType.TO)) {
            to.add(((InternetAddress) address).getAddress());
        }
        String[] parts = new String[2];
        collect(message, parts);
        String from = message.getFrom() == null ? null : message.getFrom()[0].toString();
        return new ReceivedMessage(message.getSubject(), from, to, headers, parts[0], parts[1]);
    }

    private static void collect(Part part, String[] textAndHtml) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && textAndHtml[0] == null) {
            textAndHtml[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && textAndHtml[1] == null) {
            textAndHtml[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, textAndHtml);
            }
        }
    }

    private static Map<String, String> mailStack() {
        List<String> parts = new ArrayList<>(LocalStack.PLATFORM);
        parts.add("mail");
        return LocalStack.ensure(parts);
    }
}
