package com.weavecrm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchDocumentTest {

    @Test
    void chineseNamesBecomePinyinAndInitials() {
        assertThat(SearchDocument.pinyin("张伟", false)).isEqualTo("zhangwei");
        assertThat(SearchDocument.pinyin("张伟", true)).isEqualTo("zw");
        assertThat(SearchDocument.pinyin("上海云启科技有限公司", true)).isEqualTo("shyqkjyxgs");
        assertThat(SearchDocument.pinyin("Zhang Wei", true)).isEqualTo("zw");
        assertThat(SearchDocument.pinyin("吕小明 Leo", false)).isEqualTo("lvxiaomingleo");
    }

    @Test
    void normalisesQueries() {
        assertThat(SearchDocument.normalise("  ZW  Li ")).isEqualTo("zw li");
    }
}
