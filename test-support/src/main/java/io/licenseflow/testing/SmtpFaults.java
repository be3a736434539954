package io.licenseflow.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault injector in front of the test stack's real SMTP server, as Toxiproxy is for other protocols: it relays every
 * SMTP session to GreenMail line by line, except that a {@code RCPT TO} for an address given a fault is answered with
 * that fault's reply (e.g. {@code 451 4.3.0} a number of times, or {@code 550 5.1.1} always) and not relayed. Mail to
 * any other address passes untouched and arrives in GreenMail, where IMAP reads it. notification-service's tests send
 * through it ({@code @WithLocalStack(mail = true)}); GreenMail itself cannot be told to refuse a message.
 */
public final class SmtpFaults {

    private record Fault(String reply, AtomicInteger remaining) {
    }

    private static final Map<String, Fault> FAULTS = new ConcurrentHashMap<>();
    private static ServerSocket server;

    private SmtpFaults() {
    }

    /** Refuses mail to {@code address} with {@code reply} (e.g. "550 5.1.1 mailbox unavailable") until {@link #clear}. */
    public static void refuse(String address, String reply) {
        FAULTS.put(address.toLowerCase(Locale.ROOT), new Fault(reply, new AtomicInteger(Integer.MAX_VALUE)));
    }

    /** Refuses mail to {@code address} with {@code reply} the next {@code times} times, then lets it through. */
    public static void refuse(String address, String reply, int times) {
        FAULTS.put(address.toLowerCase(Locale.ROOT), new Fault(reply, new AtomicInteger(times)));
    }

    public static void clear(String address) {
        FAULTS.remove(address.toLowerCase(Locale.ROOT));
    }

    /** The relay's port (started on first use, for the life of the test JVM). */
    public static synchronized int port() {
        if (server == null) {
            int upstream = Integer.parseInt(TestMailbox.smtpPort());
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException("cannot open the SMTP fault relay", e);
            }
            Thread.ofPlatform().daemon().name("smtp-fault-relay").start(() -> accept(upstream));
        }
        return server.getLocalPort();
    }

    private static void accept(int upstream) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> relay(client, upstream));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void relay(Socket client, int upstream) {
        try (client; Socket mailServer = new Socket(InetAddress.getLoopbackAddress(), upstream)) {
            OutputStream toClient = client.getOutputStream();
            OutputStream toServer = mailServer.getOutputStream();
            Thread answers = Thread.ofVirtual().start(() -> pipe(mailServer, toClient));
            BufferedReader commands = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            boolean data = false;
            String line;
            while ((line = commands.readLine()) != null) {
                if (!data) {
                    String refusal = refusal(line);
                    if (refusal != null) {
                        synchronized (toClient) {
                            toClient.write((refusal + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            toClient.flush();
                        }
                        continue;
                    }
                    data = line.equalsIgnoreCase("DATA");
                } else if (line.equals(".")) {
                    data = false;
                }
                toServer.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                toServer.flush();
            }
            answers.join(2000);
        } catch (IOException | InterruptedException ended) {
            // the session is over
        }
    }

    private static String refusal(String command) {
        if (!command.regionMatches(true, 0, "RCPT TO:", 0, 8)) {
            return null;
        }
        String address = command.substring(8).trim().replaceAll("^<|>.*$", "").toLowerCase(Locale.ROOT);
        Fault fault = FAULTS.get(address);
        return fault != null && fault.remaining().getAndDecrement() > 0 ? fault.reply() : null;
    }

    private static void pipe(Socket from, OutputStream to) {
        try {
            InputStream in = from.getInputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (to) {
                    to.write(buffer, 0, read);
                    to.flush();
                }
            }
        } catch (IOException ended) {
            // the session is over
        }
    }
}
