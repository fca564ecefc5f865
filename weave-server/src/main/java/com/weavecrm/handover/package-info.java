/**
 * When someone leaves: their open leads, customers, contacts, deals and tasks and their records of
 * every custom object move to their manager (or a chosen colleague) in one audited transaction —
 * one {@code hand_over} entry for the step and an {@code update} history entry per record moved,
 * written set-based — and the user can be marked as left in the same step. What they did stays
 * theirs: activities, closed leads and deals, finished tasks and the audit trail keep their name.
 */
package com.weavecrm.handover;
