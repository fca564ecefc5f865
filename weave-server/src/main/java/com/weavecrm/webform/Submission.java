package com.weavecrm.webform;

import java.util.Map;

/**
 * What a visitor sent: the lead fields' values as text, the UTM tags the page carried, whether the
 * consent box was ticked, and the honeypot field ({@value #HONEYPOT}) that people never see and so leave
 * empty.
 */
public record Submission(Map<String, String> values, Map<String, String> utm, boolean consent, String honeypot) {

    /** The honeypot's name, on the page and in the API's body. */
    public static final String HONEYPOT = "websiteUrl";

    /** The UTM tags, by their query parameter ({@code utm_source}) without the prefix. */
    public static final java.util.List<String> UTM_TAGS =
            java.util.List.of("source", "medium", "campaign", "term", "content");

    public boolean caughtByHoneypot() {
        return honeypot != null && !honeypot.isBlank();
    }
}
