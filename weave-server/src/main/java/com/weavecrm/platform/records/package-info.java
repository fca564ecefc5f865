/**
 * Records of every object, standard and custom: the records API's list (CEL filters compiled to
 * parameterised SQL, sorts, sparse fields, keyset cursors, counts), read, create, partial update
 * with optimistic locking, soft delete and restore, upsert by external id and field history. Every
 * call goes through the permission service: data scope on reads, filters, sorts and writes; field
 * security on reads, filters, sorts and writes.
 */
package com.weavecrm.platform.records;
