/**
 * Channel attribution: every customer and every deal keeps its first and its latest touch — the
 * channel, the campaign and when — as read-only standard fields the product fills: a customer's first
 * touch when it is created, its latest on every intake that reaches it; a deal starts from its
 * customer's latest touch (or its own channel) and follows the customer's intakes while it is open.
 */
package com.weavecrm.attribution;
