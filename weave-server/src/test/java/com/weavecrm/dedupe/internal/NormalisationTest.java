package com.weavecrm.dedupe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    private static final Places PLACES = new Places();

    @Test
    void mobilesInEveryWrittenFormAreTheSameNumber() {
        for (String written : List.of(
                "13812345678",
                "138-1234-5678",
                "138 1234 5678",
                "+86 138 1234 5678",
                "+8613812345678",
                "0086-138-1234-5678",
                "(+86)13812345678",
                "１３８１２３４５６７８",
                "86-13812345678")) {
            assertThat(PhoneNumber.parse(written))
                    .as(written)
                    .isEqualTo(new PhoneNumber(PhoneNumber.Kind.MOBILE, "13812345678"));
        }
    }

    @Test
    void landlinesKeepTheirAreaCodeAndLoseTheExtension() {
        for (String written : List.of(
                "021-61234567",
                "(021)61234567",
                "+86 21 6123 4567",
                "021-61234567-8012",
                "021-61234567转8012",
                "（021）61234567",
                "021-61234567#8012")) {
            assertThat(PhoneNumber.parse(written))
                    .as(written)
                    .isEqualTo(new PhoneNumber(PhoneNumber.Kind.LANDLINE, "02161234567"));
        }
        assertThat(PhoneNumber.parse("61234567")).isEqualTo(new PhoneNumber(PhoneNumber.Kind.LOCAL, "61234567"));
        assertThat(PhoneNumber.parse("0571-83147082").local()).isEqualTo("83147082");
    }

    @Test
    void placeholdersAreNoNumber() {
        for (String written : List.of("无", "", "138-xxxx", "13800138000", "00000000000", "12345678901", "11111111")) {
            assertThat(PhoneNumber.parse(written)).as(written).isNull();
        }
    }

    @Test
    void namesAgreeBySoundAcrossScriptsAndForms() {
        assertThat(compare("张伟", "章伟")).isEqualTo(NameAgreement.SOUND);
        assertThat(compare("劉海濤", "刘海涛")).isEqualTo(NameAgreement.SOUND);
        assertThat(compare("吴泰毓", "Wu Taiyu")).isEqualTo(NameAgreement.SOUND);
        assertThat(compare("吴泰毓", "Taiyu Wu")).isEqualTo(NameAgreement.SOUND);
        assertThat(compare("吴泰毓", "wutaiyu")).isEqualTo(NameAgreement.SOUND);
        assertThat(compare("吕琥", "Lyu Hu")).isEqualTo(NameAgreement.SOUND);
        assertThat(compare("张伟（采购）", "张伟")).isEqualTo(NameAgreement.EXACT);
        assertThat(compare("杨达/财务", "杨达")).isEqualTo(NameAgreement.EXACT);
        assertThat(compare("李  德烨", "李德烨")).isEqualTo(NameAgreement.EXACT);
        assertThat(compare("Zhang, Wei", "ZHANG Wei")).isEqualTo(NameAgreement.EXACT);
    }

    @Test
    void familiarFormsTyposAndOtherPeople() {
        assertThat(compare("老张", "张伟")).isEqualTo(NameAgreement.PARTIAL);
        assertThat(compare("小伟", "张伟")).isEqualTo(NameAgreement.PARTIAL);
        assertThat(compare("王经理", "王芳")).isEqualTo(NameAgreement.PARTIAL);
        assertThat(compare("Kevin Zhang", "张伟")).isEqualTo(NameAgreement.PARTIAL);
        assertThat(compare("张文博", "张博文")).isEqualTo(NameAgreement.CLOSE);
        assertThat(compare("罗冬梅", "羅冬")).isEqualTo(NameAgreement.CLOSE);
        assertThat(compare("张伟", "张芳")).isEqualTo(NameAgreement.SURNAME_ONLY);
        assertThat(compare("张伟", "李娜")).isEqualTo(NameAgreement.DIFFERENT);
    }

    @Test
    void companiesLoseLegalFormAndCityButKeepTheirBranch() {
        String core = company("上海云启科技有限公司").core();
        assertThat(company("云启科技(上海)有限公司").core()).isEqualTo(core);
        assertThat(company("上海市云启科技股份有限公司").core()).isEqualTo(core);
        assertThat(company("云启科技").core()).isEqualTo(core);
        assertThat(company("北京云启科技有限公司上海分公司").branch()).isEqualTo("上海");
        assertThat(company("北京云启科技有限公司(上海分公司)").branch()).isEqualTo("上海");
        assertThat(CompanyAgreement.of(company("云启科技有限公司北京分公司"), company("云启科技有限公司上海分公司"))
                        .code())
                .isEqualTo("other_branch");
        assertThat(CompanyAgreement.of(company("泉欣进出口有限公司"), company("QUANXIN IMPORT & EXPORT (SHANGHAI) CO., LTD."))
                        .same())
                .isTrue();
    }

    @Test
    void addressesCompareByStreetAndNumbersWhateverTheirNotation() {
        StreetAddress full = StreetAddress.parse("广东省深圳市福田区金沙路1369号枫林工业园8座115室", PLACES);
        StreetAddress compact = StreetAddress.parse("福田区 金沙路１３６９号枫林工业园八座115", PLACES);
        assertThat(full.numbers()).containsExactly("1369", "8", "115");
        assertThat(compact.numbers()).isEqualTo(full.numbers());
        assertThat(full.city()).isEqualTo("深圳");
        assertThat(full.province()).isEqualTo("广东");
        assertThat(StreetAddress.parse("延安北路1271号百汇小区27号楼5单元3302室", PLACES).numbers())
                .isEqualTo(StreetAddress.parse("延安北路1271号百汇小区27-5-3302", PLACES).numbers());
        assertThat(StreetAddress.parse("中山路1533号1号楼702室", PLACES).city()).isNull();
        assertThat(StreetAddress.parse("星河广场22楼2206", PLACES).numbers()).containsExactly("2206");
    }

    @Test
    void emailsFoldCaseTagsAndGmailDots() {
        assertThat(EmailAddress.parse("Wei.Zhang+crm@GoogleMail.com").address()).isEqualTo("weizhang@gmail.com");
        assertThat(EmailAddress.parse("info@yunqi.com").shared()).isTrue();
        assertThat(EmailAddress.parse("not an address")).isNull();
    }

    @Test
    void aWeChatIdThatIsAMobileCountsAsThatMobile() {
        Profile p = new Profiles().of(UUID.randomUUID(), Map.of("wechatId", "wxid13812345678"));
        assertThat(p.phones()).containsExactly(new PhoneNumber(PhoneNumber.Kind.MOBILE, "13812345678"));
        assertThat(new Profiles()
                        .of(UUID.randomUUID(), Map.of("wechatId", "同手机号"))
                        .wechat())
                .isNull();
    }

    @Test
    void colleaguesAndRelativesAreNotDuplicatesButTheSamePersonIs() {
        Profiles profiles = new Profiles();
        Profile a = profiles.of(
                UUID.randomUUID(),
                Map.of("name", "张伟", "company", "上海云启科技有限公司", "phone", "021-61234567", "email", "info@yunqi.com"));
        Profile colleague = profiles.of(
                UUID.randomUUID(),
                Map.of("name", "李娜", "company", "云启科技(上海)有限公司", "phone", "(021)61234567", "email", "info@yunqi.com"));
        Profile same = profiles.of(
                UUID.randomUUID(),
                Map.of("name", "Zhang Wei", "company", "云启科技", "phone", "+86 21 6123 4567", "wechatId", "zw1988"));
        assertThat(Matcher.score(Matcher.compare(a, colleague))).isLessThan(4.5);
        assertThat(Matcher.score(Matcher.compare(a, same))).isGreaterThanOrEqualTo(4.5);
        assertThat(Matcher.compare(a, same))
                .extracting(e -> e.code())
                .contains("name_sound", "same_landline", "same_company");
    }

    private static NameAgreement compare(String a, String b) {
        return NameComparison.compare(PersonName.parse(a), PersonName.parse(b));
    }

    private static CompanyName company(String text) {
        return CompanyName.parse(text, PLACES);
    }
}
