package io.certana.verification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.certana.verification.log.VerificationLog;
import io.certana.verification.log.VerificationLogWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The {@code from} and {@code to} filters of GET /api/v1/verifications over logs of three months,
 * which live in different partitions: {@code from} is inclusive, {@code to} exclusive, and times
 * may carry any UTC offset.
 */
@QuarkusTest
class VerificationLogFilterTest {

    @Inject
    VerificationLogWriter writer;

    private Tenants.Tenant tenant;
    private Instant twoMonthsAgo;
    private Instant lastMonth;
    private Instant monthStart;
    private Instant now;
    private Map<Instant, UUID> ids;

    @BeforeEach
    void writeLogs() {
        tenant = Tenants.create("log-filters");
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        twoMonthsAgo = current.minusMonths(2).atDay(10).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
        lastMonth = current.minusMonths(1).atDay(10).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
        monthStart = current.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ids = Map.of(twoMonthsAgo, write(twoMonthsAgo), lastMonth, write(lastMonth), monthStart, write(monthStart),
                now, write(now));
    }

    @Test
    void withoutFiltersAllNewestFirst() {
        assertEquals(List.of(ids.get(now), ids.get(monthStart), ids.get(lastMonth), ids.get(twoMonthsAgo)),
                list(Map.of()));
    }

    @Test
    void fromIsInclusive() {
        assertEquals(List.of(ids.get(now), ids.get(monthStart), ids.get(lastMonth)),
                list(Map.of("from", lastMonth.toString())));
        assertEquals(List.of(ids.get(now), ids.get(monthStart)), list(Map.of("from", monthStart.toString())));
    }

    @Test
    void toIsExclusive() {
        assertEquals(List.of(ids.get(lastMonth), ids.get(twoMonthsAgo)), list(Map.of("to", monthStart.toString())));
        assertEquals(List.of(ids.get(twoMonthsAgo)), list(Map.of("to", lastMonth.toString())));
    }

    @Test
    void fromAndToSelectOneMonth() {
        Map<String, String> lastMonthOnly = Map.of("from", lastMonth.minus(1, ChronoUnit.DAYS).toString(),
                "to", monthStart.toString());
        assertEquals(List.of(ids.get(lastMonth)), list(lastMonthOnly));

        Response page = listResponse(lastMonthOnly);
        assertEquals(1, page.jsonPath().getInt("total"));
    }

    @Test
    void offsetTimesAreConverted() {
        // 14:00 at +02:00 is 12:00 UTC, the time of last month's log, so the inclusive bound keeps it.
        String fromWithOffset = lastMonth.atOffset(ZoneOffset.ofHours(2)).toString();
        assertEquals(List.of(ids.get(now), ids.get(monthStart), ids.get(lastMonth)),
                list(Map.of("from", fromWithOffset)));
    }

    @Test
    void invalidTimesAreRejected() {
        Response notRfc3339 = listResponse(Map.of("from", "yesterday"));
        assertEquals(400, notRfc3339.statusCode(), notRfc3339.asString());
        assertEquals("from", notRfc3339.jsonPath().getString("errors[0].field"));

        Response withoutOffset = listResponse(Map.of("to", "2026-01-01T00:00:00"));
        assertEquals(400, withoutOffset.statusCode(), withoutOffset.asString());
        assertEquals("to", withoutOffset.jsonPath().getString("errors[0].field"));

        Response reversed = listResponse(Map.of("from", monthStart.toString(), "to", lastMonth.toString()));
        assertEquals(400, reversed.statusCode(), reversed.asString());
        assertEquals("to", reversed.jsonPath().getString("errors[0].field"));

        Response empty = listResponse(Map.of("from", monthStart.toString(), "to", monthStart.toString()));
        assertEquals(400, empty.statusCode(), "from equal to to selects nothing: " + empty.asString());
    }

    private UUID write(Instant createdAt) {
        VerificationLog log = TestLogs.unknownVerdict(tenant.organizationId(), createdAt);
        writer.write(log);
        return log.id;
    }

    private List<UUID> list(Map<String, String> filters) {
        Response page = listResponse(filters);
        assertEquals(200, page.statusCode(), page.asString());
        return page.jsonPath().getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }

    private Response listResponse(Map<String, String> filters) {
        return given().header("X-API-Key", tenant.key()).queryParams(filters).get("/api/v1/verifications");
    }
}
