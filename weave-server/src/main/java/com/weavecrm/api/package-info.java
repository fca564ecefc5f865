/**
 * The REST API ({@code /api/v1}): thin controllers that translate HTTP to the platform's services
 * and back. Business rules, permissions and audit live in the services, never here.
 */
package com.weavecrm.api;
