/**
 * The server-rendered UI (Thymeleaf + htmx): one page controller per area (sign-in, home, org units,
 * users, roles, settings, audit, profile, platform tenants) and the glue every page shares — the
 * caller and navigation in the model ({@link com.weavecrm.web.PageContext}), form errors taken from
 * the services' {@link com.weavecrm.platform.web.ApiException}, localized dates, and friendly 403/404
 * pages. Pages call the same services with the same JSON bodies as the API: they validate nothing
 * themselves. Templates live in {@code templates/}, scripts and styles in {@code static/}.
 */
package com.weavecrm.web;
