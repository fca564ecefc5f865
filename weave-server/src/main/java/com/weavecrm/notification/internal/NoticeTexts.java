package com.weavecrm.notification.internal;

import com.weavecrm.notification.NoticeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Notice texts as stored ({@code {"key","args"}} or {@code {"text"}}) and rendered in a language: a
 * key the messages do not know shows as the key itself, never as an error.
 */
@Component
public class NoticeTexts {

    private final JsonMapper json;
    private final MessageSource messages;

    public NoticeTexts(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    public String store(NoticeText text) {
        if (text == null) {
            return null;
        }
        ObjectNode node = json.createObjectNode();
        if (text.key() != null) {
            node.put("key", text.key());
            var args = node.putArray("args");
            text.args().forEach(args::add);
        } else {
            node.put("text", text.text());
        }
        return json.writeValueAsString(node);
    }

    public String render(String stored, Locale locale) {
        if (stored == null) {
            return null;
        }
        JsonNode node = json.readTree(stored);
        if (node.has("text")) {
            return node.get("text").asString();
        }
        String key = node.path("key").asString();
        List<Object> args = new ArrayList<>();
        node.path("args").values().forEach(a -> args.add(a.asString()));
        return messages.getMessage(key, args.toArray(), key, locale);
    }
}
