package com.weavecrm.dedupe.internal;

/** How two names agree, from the strongest to the weakest evidence. */
enum NameAgreement {
    /** The same characters or letters. */
    EXACT,
    /** The same sound: homophones, traditional characters, pinyin romanisation, reordered parts. */
    SOUND,
    /** One character or letter off: a wrong input-method candidate, a dropped or swapped character. */
    CLOSE,
    /** A familiar or partial form that fits: 老张, 小伟, Kevin Zhang, a missing part. */
    PARTIAL,
    /** Only the surname agrees. */
    SURNAME_ONLY,
    /** Different names. */
    DIFFERENT
}
