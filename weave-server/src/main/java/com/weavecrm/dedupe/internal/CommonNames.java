package com.weavecrm.dedupe.internal;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a full name is common enough that two people often share it. Two-character names (张伟,
 * 王芳) always are; of three-character names, those with the most frequent given names (秀英, 建国,
 * 子涵...). A rare name that agrees says much more than 张伟 does.
 */
final class CommonNames {

    private static final Set<String> GIVEN_WRITTEN = Set.of(
            "秀英", "桂英", "玉兰", "秀兰", "秀珍", "淑珍", "建华", "建国", "建军", "海燕", "晓东", "红梅", "丽娟", "晓燕", "春梅", "志强", "志刚", "金凤",
            "玉梅", "玉珍", "桂兰", "凤英", "淑英", "淑兰", "秀梅", "丽华", "子涵", "梓涵", "欣怡", "一诺", "浩然", "宇轩", "晓明", "小红", "晓红", "文静",
            "秀云", "秀芳", "桂芳", "丽丽", "婷婷", "丹丹", "佳怡", "雨涵", "诗涵", "梓萱", "子轩", "浩宇", "俊杰", "建平", "建伟", "建新", "国华", "国强",
            "国平", "桂珍", "秀华", "海涛", "海军", "晓丽", "明亮", "永强", "建明", "建林", "玉华", "玉英", "秀荣", "凤兰", "晓梅", "晓霞", "志华", "志明",
            "志勇", "志伟", "文华", "文斌", "伟华", "丽萍", "丽红", "美玲", "美华", "春华", "春燕", "秋菊");

    /** The same names by sound, so 小东 and 曉東 count as 晓东. */
    private static final Set<String> GIVEN =
            GIVEN_WRITTEN.stream().map(CommonNames::sound).collect(Collectors.toSet());

    private CommonNames() {}

    private static String sound(String han) {
        return String.join(" ", Pinyin.first(han));
    }

    /** Whether the name (Han characters, surname first) is rare enough to say something on its own. */
    static boolean rare(String han) {
        return han.length() >= 3 && !(han.length() == 3 && GIVEN.contains(sound(han.substring(1))));
    }
}
