package com.weavecrm.dedupe.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** Batch scans and the pairs they found. */
@Repository
public class ScanRepository {

    /** A scan as stored. */
    public record Scan(
            UUID id,
            String object,
            String status,
            UUID requestedBy,
            BigDecimal threshold,
            int recordsScanned,
            long pairsCompared,
            int pairsFound,
            String error,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {}

    /** A pair as stored, {@code reasons} as JSON text. */
    public record StoredPair(int seq, UUID a, UUID b, BigDecimal score, String reasons) {}

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<UUID> REQUESTED_BY = field(name("requested_by"), UUID.class);
    private static final Field<BigDecimal> THRESHOLD = field(name("threshold"), BigDecimal.class);
    private static final Field<Integer> RECORDS_SCANNED = field(name("records_scanned"), Integer.class);
    private static final Field<Long> PAIRS_COMPARED = field(name("pairs_compared"), Long.class);
    private static final Field<Integer> PAIRS_FOUND = field(name("pairs_found"), Integer.class);
    private static final Field<String> ERROR = field(name("error"), String.class);
    private static final Field<OffsetDateTime> STARTED_AT = field(name("started_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> FINISHED_AT = field(name("finished_at"), OffsetDateTime.class);
    private static final Field<UUID> SCAN_ID = field(name("scan_id"), UUID.class);
    private static final Field<Integer> SEQ = field(name("seq"), Integer.class);
    private static final Field<UUID> A = field(name("a"), UUID.class);
    private static final Field<UUID> B = field(name("b"), UUID.class);
    private static final Field<BigDecimal> SCORE = field(name("score"), BigDecimal.class);
    private static final Field<JSONB> REASONS = field(name("reasons"), JSONB.class);

    private static Table<Record> scans(Tenant tenant) {
        return tenant.table("dedupe_scan");
    }

    private static Table<Record> pairs(Tenant tenant) {
        return tenant.table("dedupe_pair");
    }

    public void create(DSLContext dsl, Tenant tenant, UUID id, String object, UUID requestedBy, BigDecimal threshold) {
        dsl.insertInto(scans(tenant))
                .set(ID, id)
                .set(OBJECT, object)
                .set(STATUS, "running")
                .set(REQUESTED_BY, requestedBy)
                .set(THRESHOLD, threshold)
                .execute();
    }

    public Optional<Scan> find(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.select(
                        ID,
                        OBJECT,
                        STATUS,
                        REQUESTED_BY,
                        THRESHOLD,
                        RECORDS_SCANNED,
                        PAIRS_COMPARED,
                        PAIRS_FOUND,
                        ERROR,
                        STARTED_AT,
                        FINISHED_AT)
                .from(scans(tenant))
                .where(ID.eq(id))
                .fetchOptional(r -> new Scan(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9(),
                        r.value10(),
                        r.value11()));
    }

    public void progress(DSLContext dsl, Tenant tenant, UUID id, int records, long compared, int found) {
        dsl.update(scans(tenant))
                .set(RECORDS_SCANNED, records)
                .set(PAIRS_COMPARED, compared)
                .set(PAIRS_FOUND, found)
                .where(ID.eq(id))
                .execute();
    }

    public void finish(DSLContext dsl, Tenant tenant, UUID id, String status, String error) {
        dsl.update(scans(tenant))
                .set(STATUS, status)
                .set(ERROR, error)
                .set(FINISHED_AT, OffsetDateTime.now())
                .where(ID.eq(id))
                .execute();
    }

    public void clearPairs(DSLContext dsl, Tenant tenant, UUID scan) {
        dsl.deleteFrom(pairs(tenant)).where(SCAN_ID.eq(scan)).execute();
    }

    public void addPairs(DSLContext dsl, Tenant tenant, UUID scan, List<StoredPair> found) {
        if (found.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(pairs(tenant), SCAN_ID, SEQ, A, B, SCORE, REASONS);
        for (StoredPair p : found) {
            insert = insert.values(scan, p.seq(), p.a(), p.b(), p.score(), JSONB.valueOf(p.reasons()));
        }
        insert.execute();
    }

    /** Pairs after {@code afterSeq}, in order. */
    public List<StoredPair> page(DSLContext dsl, Tenant tenant, UUID scan, int afterSeq, int limit) {
        return dsl.select(SEQ, A, B, SCORE, REASONS)
                .from(pairs(tenant))
                .where(SCAN_ID.eq(scan), SEQ.gt(afterSeq))
                .orderBy(SEQ)
                .limit(limit)
                .fetch(r -> new StoredPair(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5().data()));
    }
}
