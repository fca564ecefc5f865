package com.weavecrm.attribution;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One touch: the channel (a value of the channel picklist, such as {@code web_form}) through which
 * someone reached us, the campaign with it (or null) and when.
 */
public record Touch(String channel, String campaign, OffsetDateTime at) {

    /** A campaign is kept to the length of the campaign fields. */
    public static final int MAX_CAMPAIGN = 100;

    public Touch {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        campaign = campaign == null || campaign.isBlank()
                ? null
                : campaign.strip().substring(0, Math.min(campaign.strip().length(), MAX_CAMPAIGN));
    }
}
