package com.weavecrm.attribution;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.ObjectDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The three fields of a first or a last touch on an object, by api name and by column. A tenant
 * whose object lacks one of them (not upgraded yet) gets no attribution on it.
 */
public record TouchFields(
        String channelField,
        String campaignField,
        String atField,
        String channelColumn,
        String campaignColumn,
        String atColumn) {

    public static final String FIRST = "firstTouch";
    public static final String LAST = "lastTouch";

    /** {@code prefix} is {@link #FIRST} or {@link #LAST}. */
    public static Optional<TouchFields> of(ObjectDef object, String prefix) {
        Optional<FieldDef> channel = object.field(prefix + "Channel");
        Optional<FieldDef> campaign = object.field(prefix + "Campaign");
        Optional<FieldDef> at = object.field(prefix + "At");
        if (channel.isEmpty() || campaign.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TouchFields(
                channel.get().apiName(),
                campaign.get().apiName(),
                at.get().apiName(),
                channel.get().column(),
                campaign.get().column(),
                at.get().column()));
    }

    /** The touch as field values of a record being written (api name to value). */
    public Map<String, Object> values(Touch touch) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(channelField, touch.channel());
        values.put(campaignField, touch.campaign());
        values.put(atField, touch.at());
        return values;
    }
}
