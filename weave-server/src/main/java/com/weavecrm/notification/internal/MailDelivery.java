package com.weavecrm.notification.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail copies of notifications, through the SMTP server of {@code spring.mail.*} ({@code
 * SPRING_MAIL_HOST}, ...). Without {@code spring.mail.host} Spring configures no mail sender, this says
 * it is not available, and nothing ever tries to send.
 */
@Component
public class MailDelivery {

    private final ObjectProvider<JavaMailSender> senders;
    private final String from;

    public MailDelivery(
            ObjectProvider<JavaMailSender> senders,
            @Value("${weave.mail.from:}") String from,
            @Value("${spring.mail.username:}") String username) {
        this.senders = senders;
        this.from = !from.isBlank() ? from.strip() : username.contains("@") ? username : "weave-crm@localhost";
    }

    public boolean available() {
        return senders.getIfAvailable() != null;
    }

    public void send(String to, String subject, String text) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new DeliveryException("no SMTP server is configured");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new DeliveryException("SMTP: " + e.getMessage());
        }
    }
}
