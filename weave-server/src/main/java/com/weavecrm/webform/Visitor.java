package com.weavecrm.webform;

import java.util.Locale;

/** Who sends a public form: their address (rate limit, audit), the request id and their language. */
public record Visitor(String address, String requestId, Locale locale) {}
