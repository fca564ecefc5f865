package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A card dropped on another kanban column: the record's picklist field gets the column's value, with
 * the card's version as If-Match. Answers the new version, or the problem in the user's language
 * (the board then moves the card back).
 */
@Controller
class KanbanMoves {

    private final ObjectFields objects;
    private final RecordWriter writer;
    private final MessageSource messages;
    private final JsonMapper json;

    KanbanMoves(ObjectFields objects, RecordWriter writer, MessageSource messages, JsonMapper json) {
        this.objects = objects;
        this.writer = writer;
        this.messages = messages;
        this.json = json;
    }

    @PostMapping("/records/{object}/{id}/move")
    @ResponseBody
    ResponseEntity<String> move(
            TenantContext ctx,
            @PathVariable String object,
            @PathVariable UUID id,
            @RequestParam String field,
            @RequestParam String value,
            @RequestParam String version) {
        try {
            ObjectFields.Fields fields = objects.of(ctx, object);
            FieldView groupBy = RecordView.writableOrNull(fields, field);
            if (groupBy == null || !"picklist".equals(groupBy.type())) {
                throw ApiException.notFound();
            }
            Map<String, Object> saved = writer.update(
                    ctx, object, id, Body.create().put(field, value).json(json), version);
            return answer(HttpStatus.OK, Map.of("version", saved.get("version")));
        } catch (ApiException e) {
            FormErrors errors = FormErrors.of(e, messages, LocaleContextHolder.getLocale());
            String detail = errors.fields().isEmpty()
                    ? ""
                    : " " + errors.text(errors.fields().keySet().iterator().next());
            return answer(e.status(), Map.of("message", errors.summary() + detail));
        }
    }

    /** JSON whatever the request accepts: the board's script reads it, a plain form post shows it. */
    private ResponseEntity<String> answer(HttpStatusCode status, Map<String, Object> body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body));
    }
}
