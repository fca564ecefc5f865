package com.weavecrm.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Without {@code spring.mail.host} there is no mail sender, and nothing tries to send. */
class MailDeliveryTest {

    @Test
    void withoutAnSmtpServerMailIsNotAvailableAndNothingIsSent() {
        MailDelivery mail =
                new MailDelivery(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), "", "");
        assertThat(mail.available()).isFalse();
        assertThatThrownBy(() -> mail.send("a@example.com", "s", "t"))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("no SMTP");
    }
}
