package com.weavecrm.bench.jmh;

import com.weavecrm.platform.access.AccessPolicy;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.DataScope;
import com.weavecrm.platform.access.FieldAccess;
import com.weavecrm.platform.access.FieldRule;
import com.weavecrm.platform.access.Grant;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.RecordExpressions;
import com.weavecrm.platform.metadata.StandardObjects;
import com.weavecrm.platform.records.ObjectAccess;
import com.weavecrm.platform.records.SearchDocument;
import com.weavecrm.platform.records.internal.FilterCompiler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.Condition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The product's hot code, measured alone: compiling a list filter (CEL → SQL), a user's access to an
 * object (the permission check every request makes), a formula, a search document.
 * {@code java -jar weave-bench/target/weave-bench.jar jmh} runs them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPaths {

    static final String FILTER =
            "storeId == \"0199a3c2-7d4e-7000-8000-000000000001\" && channel in [\"store\", \"wecom\"]"
                    + " && createdAt > timestamp(\"2026-01-01T00:00:00Z\") && (name.startsWith(\"张\") || phone == \"13800138000\")";

    private final ObjectDef customer = StandardObjects.definition(StandardObjects.all().stream()
            .filter(o -> o.apiName().equals("customer"))
            .findFirst()
            .orElseThrow());
    private final AccessPolicy sales = salesPolicy();
    private final ObjectAccess access = ObjectAccess.of(customer, sales);
    private final FilterCompiler filters = new FilterCompiler();
    private final RecordExpressions expressions = new RecordExpressions();
    private final Map<String, Object> record = Map.of(
            "cid", "7KQ2M9XWPR4D",
            "name", "张伟",
            "company", "杭州吖茶餐饮管理有限公司",
            "phone", "13800138000",
            "email", "zhangwei@163.com",
            "channel", "store",
            "kind", "person");

    private long unseen;

    /** A filter seen before (a list view's): its type-checked form comes from the cache. */
    @Benchmark
    public Condition compileFilter() {
        return filters.compile(FILTER, access, column -> Optional.empty());
    }

    /** A filter never seen before: parsed and type-checked by CEL, then translated. */
    @Benchmark
    public Condition compileNewFilter() {
        return filters.compile(FILTER + " && name != \"" + unseen++ + "\"", access, column -> Optional.empty());
    }

    @Benchmark
    public ObjectAccess permissionCheck() {
        if (sales.scope("customer", Action.READ) == DataScope.NONE) {
            throw new IllegalStateException("sales may read customers");
        }
        return ObjectAccess.of(customer, sales);
    }

    @Benchmark
    public Optional<Object> evaluateFormula() {
        return expressions.evaluate(
                "kind == \"company\" ? company : name + \" (\" + channel + \")\"", customer, record);
    }

    @Benchmark
    public SearchDocument.Text searchDocument() {
        return SearchDocument.of(customer, record);
    }

    private static AccessPolicy salesPolicy() {
        UUID role = UUID.randomUUID();
        List<Grant> grants = List.of(
                new Grant("customer", Action.READ, DataScope.UNIT),
                new Grant("customer", Action.UPDATE, DataScope.OWN),
                new Grant("activity", Action.READ, DataScope.UNIT),
                new Grant("deal", Action.READ, DataScope.OWN));
        return AccessPolicy.of(
                Map.of(role, grants), Map.of(role, List.of(new FieldRule("customer", "idNumber", FieldAccess.HIDDEN))));
    }
}
