/**
 * The audit trail: an append-only log of every write (with per-field old and new values), every
 * sign-in and failed sign-in, and every permission change. Written in the same transaction as the
 * change it records; nobody can edit or delete an entry, the database refuses it.
 */
package com.weavecrm.platform.audit;
