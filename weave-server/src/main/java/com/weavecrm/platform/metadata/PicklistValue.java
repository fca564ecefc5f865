package com.weavecrm.platform.metadata;

import java.util.Map;

/** One value of a picklist, in order: the stored value, its label per language, its colour. */
public record PicklistValue(String value, Map<String, String> label, String color) {}
