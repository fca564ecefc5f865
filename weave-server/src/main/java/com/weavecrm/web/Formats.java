package com.weavecrm.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates for templates ({@code ${@fmt.dateTime(t, zone)}}): the user's language, the tenant's time zone. */
@Component("fmt")
public class Formats {

    public String dateTime(OffsetDateTime time, ZoneId zone) {
        if (time == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .format(time.atZoneSameInstant(zone));
    }

    public String date(OffsetDateTime time, ZoneId zone) {
        if (time == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .format(time.atZoneSameInstant(zone));
    }
}
