package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.TestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WorkerRoleApiFilterTest {

    static HypersearchProperties role(String role) {
        return TestProperties.bind("role=" + role, "workers=1");
    }

    MockHttpServletResponse get(String role, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new WorkerRoleApiFilter(role(role)).doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299); // reached the rest of the chain
        }
        return response;
    }

    @Test
    void aWorkerAnswersTheApiWithProblemJson404() throws Exception {
        for (String path : new String[] {"/api/searches", "/api", "/api/trials/7"}) {
            MockHttpServletResponse r = get("worker", path);
            assertThat(r.getStatus()).as(path).isEqualTo(404);
            assertThat(r.getContentType()).startsWith("application/problem+json");
            assertThat(r.getContentAsString()).contains("hypersearch.role=worker");
        }
    }

    @Test
    void aWorkerStillServesHealthAndEverythingElse() throws Exception {
        for (String path : new String[] {"/actuator/health", "/", "/apiary", "/v3/api-docs"}) {
            assertThat(get("worker", path).getStatus()).as(path).isEqualTo(299);
        }
    }

    @Test
    void otherRolesServeTheApi() throws Exception {
        for (String role : new String[] {"all", "api", "none"}) {
            assertThat(get(role, "/api/searches").getStatus()).as(role).isEqualTo(299);
        }
    }
}
