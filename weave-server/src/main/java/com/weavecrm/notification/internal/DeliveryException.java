package com.weavecrm.notification.internal;

/** A delivery that did not go through, with a reason fit to show an administrator. */
public class DeliveryException extends RuntimeException {

    public DeliveryException(String message) {
        super(message);
    }
}
