package io.certana.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonProblemsTest {

    record Item(String name, int count) {
    }

    record Order(UUID id, List<Item> items) {
    }

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Problem describe(String json) {
        JsonProcessingException error = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue(json, Order.class));
        return JsonProblems.describe(error);
    }

    @Test
    void syntaxErrorNamesPosition() {
        Problem problem = describe("{\"id\": ");
        assertEquals(400, problem.status());
        assertEquals("https://certana.io/problems/malformed-body", problem.type());
        assertNull(problem.errors());
    }

    @Test
    void wrongTypeNamesNestedField() {
        Problem problem = describe("{\"items\": [{\"name\": \"a\", \"count\": 1}, {\"name\": \"b\", \"count\": \"many\"}]}");
        assertEquals(List.of(new Problem.FieldError("items[1].count", "has the wrong type or format")),
                problem.errors());
        assertFalse(problem.detail().contains("java"), problem.detail());
    }

    @Test
    void invalidUuidNamesField() {
        Problem problem = describe("{\"id\": \"not-a-uuid\"}");
        assertEquals("id", problem.errors().get(0).field());
        assertFalse(problem.detail().contains("UUID"), problem.detail());
    }

    @Test
    void unknownFieldIsNamed() {
        Problem problem = describe("{\"color\": \"red\"}");
        assertEquals(List.of(new Problem.FieldError("color", "unknown field")), problem.errors());
    }

    @Test
    void wrongRootStructure() {
        Problem problem = describe("[1, 2]");
        assertEquals("https://certana.io/problems/malformed-body", problem.type());
        assertNull(problem.errors());
    }
}
