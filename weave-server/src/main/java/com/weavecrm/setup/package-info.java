/**
 * The first start: the {@code default} tenant with its administrator (password from {@code
 * WEAVE_ADMIN_PASSWORD} or generated and written to the data directory), the optional demo tenant
 * ({@code WEAVE_DEMO=true}), and the banner that says where the product is running.
 */
package com.weavecrm.setup;
