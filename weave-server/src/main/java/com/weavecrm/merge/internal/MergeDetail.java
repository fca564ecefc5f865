package com.weavecrm.merge.internal;

import com.weavecrm.merge.Merge;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code detail} of a merge's audit entries, as a small JSON object: the merge's id, and the other
 * records of it (the merged ones on the survivor's entry, the survivor on each merged one's), so each
 * record's history says where its data went or came from.
 */
final class MergeDetail {

    private MergeDetail() {}

    static String ofSurvivor(Merge merge) {
        return "{\"mergeId\":\"" + merge.id() + "\",\"mergedIds\":" + ids(merge) + ",\"repointed\":"
                + merge.repointed().entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}"))
                + "}";
    }

    static String ofMerged(Merge merge) {
        return "{\"mergeId\":\"" + merge.id() + "\",\"survivorId\":\"" + merge.survivorId() + "\"}";
    }

    static String undone(Merge merge) {
        return "{\"mergeId\":\"" + merge.id() + "\",\"undo\":true,\"survivorId\":\"" + merge.survivorId()
                + "\",\"mergedIds\":" + ids(merge) + "}";
    }

    private static String ids(Merge merge) {
        return merge.mergedIds().stream().map(UUID::toString).collect(Collectors.joining("\",\"", "[\"", "\"]"));
    }
}
