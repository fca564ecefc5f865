/**
 * Web forms: lead capture forms an administrator builds (which lead fields, channel, campaign, consent,
 * thank-you message), each reachable by an unguessable key — the public page {@code /f/{key}}, its QR
 * code, and {@code X-Form-Key} on the intake API. Submissions go through the lead intake as the product
 * itself, behind a honeypot, a per-address rate limit and a signed page token.
 */
package com.weavecrm.webform;
