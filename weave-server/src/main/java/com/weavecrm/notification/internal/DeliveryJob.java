package com.weavecrm.notification.internal;

import java.io.Serializable;
import java.util.UUID;

/** The data of a delivery's durable task: which tenant, which delivery row. */
public record DeliveryJob(UUID tenantId, UUID deliveryId) implements Serializable {}
