package com.weavecrm.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final UUID clerk = UUID.randomUUID();
    private final UUID auditor = UUID.randomUUID();
    private final UUID exporter = UUID.randomUUID();

    @Test
    void theWidestScopeOfAnyRoleWins() {
        AccessPolicy policy = AccessPolicy.of(
                Map.of(
                        clerk, List.of(new Grant("customer", Action.READ, DataScope.OWN)),
                        auditor, List.of(new Grant("customer", Action.READ, DataScope.UNIT))),
                Map.of());
        assertThat(policy.scope("customer", Action.READ)).isEqualTo(DataScope.UNIT);
        assertThat(policy.scope("customer", Action.UPDATE)).isEqualTo(DataScope.NONE);
        assertThat(policy.scope("deal", Action.READ)).isEqualTo(DataScope.NONE);
    }

    @Test
    void theWildcardObjectCoversObjectsCreatedLater() {
        AccessPolicy policy = AccessPolicy.of(
                Map.of(clerk, List.of(new Grant(Grant.ANY_OBJECT, Action.READ, DataScope.ALL))), Map.of());
        assertThat(policy.scope("trial_lesson", Action.READ)).isEqualTo(DataScope.ALL);
        assertThat(policy.scope("trial_lesson", Action.DELETE)).isEqualTo(DataScope.NONE);
    }

    @Test
    void fieldsAreEditableUnlessARoleSaysOtherwise() {
        AccessPolicy policy = AccessPolicy.of(
                Map.of(clerk, List.of(new Grant("customer", Action.READ, DataScope.OWN))),
                Map.of(
                        clerk,
                        List.of(
                                new FieldRule("customer", "idNumber", FieldAccess.HIDDEN),
                                new FieldRule("customer", "cid", FieldAccess.READ_ONLY))));
        assertThat(policy.field("customer", "name")).isEqualTo(FieldAccess.EDITABLE);
        assertThat(policy.field("customer", "idNumber")).isEqualTo(FieldAccess.HIDDEN);
        assertThat(policy.field("customer", "cid")).isEqualTo(FieldAccess.READ_ONLY);
    }

    @Test
    void aFieldHiddenByOneRoleIsVisibleThroughAnotherRoleThatReadsTheObject() {
        AccessPolicy policy = AccessPolicy.of(
                Map.of(
                        clerk, List.of(new Grant("customer", Action.READ, DataScope.OWN)),
                        auditor, List.of(new Grant("customer", Action.READ, DataScope.ALL))),
                Map.of(
                        clerk, List.of(new FieldRule("customer", "idNumber", FieldAccess.HIDDEN)),
                        auditor, List.of(new FieldRule("customer", "idNumber", FieldAccess.READ_ONLY))));
        assertThat(policy.field("customer", "idNumber")).isEqualTo(FieldAccess.READ_ONLY);
    }

    @Test
    void aRoleThatCannotReadTheObjectOpensNoField() {
        AccessPolicy policy = AccessPolicy.of(
                Map.of(
                        clerk, List.of(new Grant("customer", Action.READ, DataScope.OWN)),
                        exporter, List.of(new Grant("deal", Action.EXPORT, DataScope.ALL))),
                Map.of(clerk, List.of(new FieldRule("customer", "idNumber", FieldAccess.HIDDEN))));
        assertThat(policy.field("customer", "idNumber")).isEqualTo(FieldAccess.HIDDEN);
    }

    @Test
    void withoutReadEveryFieldIsHidden() {
        AccessPolicy policy = AccessPolicy.of(Map.of(clerk, List.of()), Map.of());
        assertThat(policy.field("customer", "name")).isEqualTo(FieldAccess.HIDDEN);
        assertThat(AccessPolicy.SYSTEM.field("customer", "name")).isEqualTo(FieldAccess.EDITABLE);
        assertThat(AccessPolicy.SYSTEM.scope("anything", Action.DELETE)).isEqualTo(DataScope.ALL);
    }
}
