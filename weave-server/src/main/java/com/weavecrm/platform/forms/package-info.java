/**
 * Form layouts: how an object's record form is arranged — sections with a title, one or two columns,
 * the fields in order, and a CEL condition that shows a section only for some records. Changed by
 * administrators without code; the record pages and forms of the UI follow it.
 */
package com.weavecrm.platform.forms;
