package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.metadata.ObjectViews.ValueView;
import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.organisation.TenantSettings;
import com.weavecrm.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats record values by field type for the user's language and the tenant's zone and currency:
 * picklists as coloured badges, money with its currency, dates in the tenant's zone, lookups as the
 * target's name linking to it.
 */
@Component
class CellFormatter {

    private final MessageSource messages;
    private final SettingsService settings;
    private final ObjectFields objects;

    CellFormatter(MessageSource messages, SettingsService settings, ObjectFields objects) {
        this.messages = messages;
        this.settings = settings;
        this.objects = objects;
    }

    /** What the formatter needs besides the value: names of ids, the zone and the currency. */
    record Context(Map<String, String> names, ZoneId zone, String currency, Collection<String> linkable) {}

    /** The context of one page: the tenant's zone and currency, the objects whose records it may link to. */
    Context context(TenantContext ctx, Collection<FieldView> fields, Map<String, String> names) {
        TenantSettings tenant = settings.get(ctx);
        Set<String> linkable = new HashSet<>();
        fields.stream()
                .map(FieldView::target)
                .filter(t -> objects.readable(ctx, t))
                .forEach(linkable::add);
        return new Context(names, PageContext.zone(tenant.timezone()), tenant.currency(), linkable);
    }

    ZoneId zone(TenantContext ctx) {
        return PageContext.zone(settings.get(ctx).timezone());
    }

    /** Every field's value of one record, by field name. */
    Map<String, Cell> cells(Collection<FieldView> fields, Map<String, Object> record, Context context) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        fields.forEach(f -> cells.put(f.apiName(), of(f, record.get(f.apiName()), context)));
        return cells;
    }

    Cell of(FieldView field, Object value, Context context) {
        if (value == null || value.toString().isBlank() || value instanceof Collection<?> c && c.isEmpty()) {
            return Cell.EMPTY;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String text = value.toString();
        try {
            return switch (field.type()) {
                case "picklist" -> picklist(field, text);
                case "multi_picklist" ->
                    Cell.badges(((Collection<?>) value)
                            .stream().map(v -> picklist(field, v.toString())).toList());
                case "money" -> Cell.text(money(text, context.currency(), locale));
                case "decimal", "rollup" ->
                    Cell.text(NumberFormat.getNumberInstance(locale).format(new BigDecimal(text)));
                case "integer" ->
                    Cell.text(NumberFormat.getIntegerInstance(locale).format(Long.parseLong(text)));
                case "percent" ->
                    Cell.text(new BigDecimal(text).stripTrailingZeros().toPlainString() + "%");
                case "boolean" ->
                    Cell.text(messages.getMessage(
                            Boolean.parseBoolean(text) ? "ui.records.yes" : "ui.records.no", null, locale));
                case "date" ->
                    Cell.text(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(locale)
                            .format(LocalDate.parse(text)));
                case "datetime" ->
                    Cell.text(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(locale)
                            .format(OffsetDateTime.parse(text).atZoneSameInstant(context.zone())));
                case "lookup" -> lookup(field, text, context);
                case "user" -> Cell.text(context.names().getOrDefault(text, shortId(text)));
                case "email" -> Cell.link(text, "mailto:" + text);
                case "phone" -> Cell.link(text, "tel:" + text.replaceAll("[^0-9+]", ""));
                case "url" ->
                    text.startsWith("https://") || text.startsWith("http://") ? Cell.link(text, text) : Cell.text(text);
                default -> Cell.text(text);
            };
        } catch (NumberFormatException | DateTimeParseException | ClassCastException e) {
            return Cell.text(text);
        }
    }

    private static Cell picklist(FieldView field, String value) {
        return field.values().stream()
                .filter(v -> v.value().equals(value))
                .findFirst()
                .map(v -> Cell.badge(v.label(), v.color()))
                .orElse(Cell.badge(value, null));
    }

    private static Cell lookup(FieldView field, String id, Context context) {
        String name = context.names().getOrDefault(id, shortId(id));
        return context.linkable().contains(field.target())
                ? Cell.link(name, "/records/" + field.target() + "/" + id)
                : Cell.text(name);
    }

    static String money(String amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency == null ? "CNY" : currency));
        } catch (IllegalArgumentException e) {
            format.setCurrency(Currency.getInstance("CNY"));
        }
        return format.format(new BigDecimal(amount));
    }

    /** The label of a picklist value in the caller's language (the value itself when unknown). */
    static String label(FieldView field, String value) {
        return field.values().stream()
                .filter(v -> v.value().equals(value))
                .map(ValueView::label)
                .findFirst()
                .orElse(value);
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
