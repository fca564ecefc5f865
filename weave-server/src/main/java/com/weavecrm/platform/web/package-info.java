/**
 * Web conventions shared by every API and page: RFC 9457 problem responses with field errors,
 * validated JSON input, request ids, body size limits and the tenant context of a request.
 */
package com.weavecrm.platform.web;
