package com.weavecrm.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A title or body of a notice: a message key with its arguments, rendered in the language of
 * whoever reads it (the inbox in the reader's current language, an e-mail in the recipient's, a group
 * bot in the tenant's default) — or a literal text, shown as it is.
 *
 * @param key a key of {@code messages*.properties} (for instance {@code notification.task_due.title})
 * @param args the key's arguments, as text ({@code {0}}, {@code {1}}, ...)
 * @param text the literal text, when there is no key
 */
public record NoticeText(String key, List<String> args, String text) {

    public NoticeText {
        if ((key == null) == (text == null)) {
            throw new IllegalArgumentException("a notice text is either a message key or a literal text");
        }
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A message key and its arguments (each turned into text; null becomes empty). */
    public static NoticeText of(String key, Object... args) {
        return new NoticeText(
                Objects.requireNonNull(key),
                Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList(),
                null);
    }

    public static NoticeText literal(String text) {
        return new NoticeText(null, List.of(), Objects.requireNonNull(text));
    }
}
