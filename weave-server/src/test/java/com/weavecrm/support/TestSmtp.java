package com.weavecrm.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A local SMTP server (GreenMail on 127.0.0.1) the integration-test server sends its mail to: started
 * once per JVM, so the shared server is configured with SMTP like a production one that has it.
 */
public final class TestSmtp {

    private static GreenMail server;

    private TestSmtp() {}

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(TestPorts.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server.getSmtp().getPort();
    }

    /** The messages received for {@code address} so far, waiting up to {@code wait} for at least one. */
    public static List<MimeMessage> messagesTo(String address, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<MimeMessage> found = Arrays.stream(server().getReceivedMessages())
                    .filter(m -> addressedTo(m, address))
                    .toList();
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    private static synchronized GreenMail server() {
        port();
        return server;
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
