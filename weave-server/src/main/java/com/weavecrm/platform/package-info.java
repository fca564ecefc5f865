/**
 * The platform every capability stands on: database and tenancy, security (authentication and the
 * permission service), organisation, audit, events, web conventions and i18n. Nothing here depends
 * on a feature package.
 */
package com.weavecrm.platform;
