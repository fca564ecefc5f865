/** Durable background upkeep of every tenant (expired tokens, old idempotency keys), on db-scheduler. */
package com.weavecrm.platform.housekeeping;
