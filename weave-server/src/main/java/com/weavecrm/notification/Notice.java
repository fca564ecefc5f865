package com.weavecrm.notification;

import java.util.Objects;
import java.util.UUID;

/**
 * Something to tell one user.
 *
 * @param recipientId the user told
 * @param kind what happened ({@link NoticeKinds}); group-bot channels choose by it
 * @param title one line
 * @param body more, or null
 * @param link a path of the UI the notice leads to ({@code /records/lead/<id>}), or null
 * @param relatedObject the object the notice is about ({@code lead}), or null
 * @param relatedId the record the notice is about, or null
 * @param onceKey when set, a second notice with the same key for the same user is not given (a
 *     reminder of one due time that a retried job would repeat)
 */
public record Notice(
        UUID recipientId,
        String kind,
        NoticeText title,
        NoticeText body,
        String link,
        String relatedObject,
        UUID relatedId,
        String onceKey) {

    public Notice {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(title, "title");
        if (kind == null || !NoticeKinds.PATTERN.matcher(kind).matches()) {
            throw new IllegalArgumentException("a notice kind looks like task_due: " + kind);
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.contains("\\"))) {
            throw new IllegalArgumentException("a notice links to a path of the UI: " + link);
        }
    }

    public static Notice of(UUID recipientId, String kind, NoticeText title) {
        return new Notice(recipientId, kind, title, null, null, null, null, null);
    }

    public Notice withBody(NoticeText text) {
        return new Notice(recipientId, kind, title, text, link, relatedObject, relatedId, onceKey);
    }

    public Notice withLink(String path) {
        return new Notice(recipientId, kind, title, body, path, relatedObject, relatedId, onceKey);
    }

    /** About a record: related object and id, and a link to the record's page. */
    public Notice about(String object, UUID id) {
        return new Notice(recipientId, kind, title, body, "/records/" + object + "/" + id, object, id, onceKey);
    }

    public Notice once(String key) {
        return new Notice(recipientId, kind, title, body, link, relatedObject, relatedId, key);
    }
}
