package com.weavecrm.notification.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of group-bot webhooks (prefix {@code weave.webhooks}).
 *
 * @param extraAllowedHosts origins allowed besides the platforms' own hosts, each {@code
 *     https://host}, {@code host} (https) or {@code http://host:port} (for a bot gateway of your own;
 *     tests allow a local server this way)
 * @param timeout how long a call to a bot may take (connecting and answering each)
 */
@ConfigurationProperties(prefix = "weave.webhooks")
public record WebhookProperties(List<String> extraAllowedHosts, Duration timeout) {

    public WebhookProperties {
        extraAllowedHosts = extraAllowedHosts == null ? List.of() : List.copyOf(extraAllowedHosts);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
