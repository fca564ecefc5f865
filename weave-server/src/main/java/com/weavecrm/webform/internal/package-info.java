/** SQL of web forms: the tenant's forms and the platform's key → tenant lookup. */
package com.weavecrm.webform.internal;
