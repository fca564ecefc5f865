package com.weavecrm.webform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A web form: its name, the lead fields it asks for (in order, each required or not), the channel and
 * campaign its leads get, the consent a visitor must tick (none when {@code consentText} is null), the
 * message shown after sending, and its public key ({@code /f/{formKey}}).
 */
public record WebForm(
        UUID id,
        String name,
        String formKey,
        List<FormField> fields,
        String channel,
        String campaign,
        String consentText,
        String thankYou,
        boolean active,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The public page's path. */
    public static final String PATH = "/f/";

    /** A lead field on the form. */
    public record FormField(String field, boolean required) {}

    public String path() {
        return PATH + formKey;
    }
}
