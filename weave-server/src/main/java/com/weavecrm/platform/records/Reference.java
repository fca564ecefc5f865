package com.weavecrm.platform.records;

/**
 * A way records of one object point at records of another: a lookup field ({@code contact.customerId}
 * holds the customer's id) or a pair of text fields naming the object and the record ({@code
 * task.relatedObject} = {@code customer}, {@code task.relatedId} = its id).
 *
 * @param object the api name of the object whose records point
 * @param field the api name of the field holding the id
 * @param objectField the api name of the field naming the target object; null for a lookup
 */
public record Reference(String object, String field, String objectField) {

    /** The field that names the target object in a text pair (the id field is {@link #RELATED_ID}). */
    public static final String RELATED_OBJECT = "relatedObject";

    public static final String RELATED_ID = "relatedId";

    public static Reference lookup(String object, String field) {
        return new Reference(object, field, null);
    }

    public static Reference related(String object) {
        return new Reference(object, RELATED_ID, RELATED_OBJECT);
    }

    /** {@code object.field}, e.g. {@code contact.customerId}. */
    public String key() {
        return object + "." + field;
    }

    public boolean isLookup() {
        return objectField == null;
    }
}
