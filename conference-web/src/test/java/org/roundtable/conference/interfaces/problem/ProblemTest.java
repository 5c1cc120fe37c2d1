package org.roundtable.conference.interfaces.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void a_problem_is_rfc_9457_json_with_field_errors() {
        var problem = Problem.of(400, "Bad Request", "Enter your password")
                .withErrors(List.of(new Problem.FieldError("password", "Enter your password")));
        var json = Json.createReader(new StringReader(problem.toJson())).readObject();
        assertEquals("about:blank", json.getString("type"));
        assertEquals(400, json.getInt("status"));
        assertEquals("Enter your password", json.getString("detail"));
        assertEquals("password", json.getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
