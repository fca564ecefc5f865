package com.weavecrm.merge;

import java.util.Map;

/** A merge (or its undo) and the survivor as it is afterwards, with the fields the caller may read. */
public record MergeResult(Merge merge, Map<String, Object> survivor) {}
