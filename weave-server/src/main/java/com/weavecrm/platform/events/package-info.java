/**
 * Domain events: every write adds an event to {@code platform.outbox} in its own transaction, so an
 * event exists exactly when its change does. Rules, timers, notifications and external relays read
 * them from there.
 */
package com.weavecrm.platform.events;
