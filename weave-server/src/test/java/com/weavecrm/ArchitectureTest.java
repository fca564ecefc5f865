package com.weavecrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** The module rules of the guide, enforced: dependencies point one way, internals stay inside. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.weavecrm");

    @Test
    void thePlatformDependsOnNoFeature() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("com.weavecrm.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.weavecrm.api..", "com.weavecrm.web..", "com.weavecrm.setup..");
        rule.check(CLASSES);
    }

    @Test
    void internalsAreReachedOnlyFromTheirOwnCapability() {
        for (String capability : capabilities()) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage(capability + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(capability + ".internal..")
                    .because("a capability's internals are reached only through its public services")
                    .check(CLASSES);
        }
    }

    @Test
    void platformCapabilitiesFormNoCycle() {
        slices().matching("com.weavecrm.platform.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void featuresFormNoCycle() {
        slices().matching("com.weavecrm.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void sqlIsWrittenOnlyInRepositories() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "..internal..", "com.weavecrm.platform.tenancy", "com.weavecrm.platform.events")
                .should()
                .callMethodWhere(JavaCall.Predicates.target(
                        HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(DSLContext.class))))
                .because("SQL lives only in repositories (and the tenant transaction runner)")
                .check(CLASSES);
    }

    private static java.util.List<String> capabilities() {
        return CLASSES.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.contains(".internal"))
                .map(p -> p.substring(0, p.indexOf(".internal")))
                .distinct()
                .toList();
    }
}
