package com.weavecrm.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FakesTest {

    private final Fakes fakes = new Fakes(new Vocabulary());

    @Test
    void mobileNumbersHaveElevenDigitsAndARealOperatorPrefix() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(fakes.mobile(random)).matches("1(3[0-9]|5[0-35-9]|66|7[035678]|8[0-35-9]|9[13589])[0-9]{8}");
        }
    }

    @Test
    void landlinesCarryTheAreaCodeOfTheProvinceCapital() {
        SplittableRandom random = new SplittableRandom(2);
        assertThat(fakes.landline(random, "310000")).matches("021-[2-9][0-9]{7}");
        assertThat(fakes.landline(random, "330000")).matches("0571-[2-9][0-9]{6}");
    }

    @Test
    void aPlantedDuplicateKeepsTheSameDigitsUnderAnotherSpelling() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            String variant = Fakes.phoneVariant(random, "13812345678");
            String digits = variant.chars()
                    .filter(Character::isDigit)
                    .map(c -> Character.getNumericValue(c) + '0')
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            assertThat(digits).endsWith("13812345678");
        }
        assertThat(Fakes.companyVariant(new SplittableRandom(4), "杭州吖茶餐饮管理有限公司"))
                .isNotEqualTo("杭州吖茶餐饮管理有限公司")
                .contains("吖茶餐饮管理");
        assertThat(Fakes.nameVariant(new SplittableRandom(5), "张伟")).isNotEqualTo("张伟");
    }

    @Test
    void theSameSeedGivesTheSameData() {
        assertThat(fakes.personName(new SplittableRandom(42))).isEqualTo(fakes.personName(new SplittableRandom(42)));
        assertThat(fakes.companyName(new SplittableRandom(42), "杭州市"))
                .isEqualTo(fakes.companyName(new SplittableRandom(42), "杭州市"))
                .startsWith("杭州")
                .endsWith("公司");
    }
}
