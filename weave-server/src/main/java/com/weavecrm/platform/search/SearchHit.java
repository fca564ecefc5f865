package com.weavecrm.platform.search;

import java.util.UUID;

/** One record found: its object, id, title (its name) and a line that tells it apart. */
public record SearchHit(String object, String objectLabel, UUID id, String title, String subtitle) {}
