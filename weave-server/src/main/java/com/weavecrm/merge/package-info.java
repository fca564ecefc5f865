/**
 * Merging duplicate records of any object into one survivor, and undoing it: the survivor takes the
 * chosen values, every child of the merged records (lookups and related-record pairs) moves to it,
 * the merged records become tombstones in the recycle bin that remember where they went, and all of
 * it is audited and stored so that an undo puts every value and every child back. Owns the {@code
 * record_merge} tables; record writes go through the platform's records services.
 */
package com.weavecrm.merge;
