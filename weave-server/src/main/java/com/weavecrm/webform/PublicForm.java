package com.weavecrm.webform;

import java.util.List;

/**
 * A form as a visitor sees it: its name, its inputs in the visitor's language, the consent to tick
 * (null when none) and the thank-you message (null: the page's default).
 */
public record PublicForm(String key, String name, List<Input> inputs, String consentText, String thankYou) {

    /**
     * One input: the lead field's name and label, the HTML input type ({@code text}, {@code tel},
     * {@code email}, {@code url}, {@code number}, {@code date}, {@code textarea} or {@code select}),
     * its choices for a select, a length limit and the browser's autofill hint.
     */
    public record Input(
            String name,
            String label,
            String type,
            boolean required,
            List<Choice> choices,
            Integer maxLength,
            String autocomplete) {}

    public record Choice(String value, String label) {}
}
