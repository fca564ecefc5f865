/** The product's clock: one {@link java.time.Clock} bean, so tests can move time forward. */
package com.weavecrm.platform.time;
