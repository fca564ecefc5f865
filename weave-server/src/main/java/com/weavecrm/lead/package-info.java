/**
 * Lead capture: the intake API (and the web forms that use it) that takes a lead from any channel,
 * matches it to an existing customer or creates one, gives it an owner, and keeps the trace of every
 * decision with the lead.
 */
package com.weavecrm.lead;
