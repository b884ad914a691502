package dev.hypersearch.api;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue a client builds a spec from: parameters, strategies, pruners. */
@RestController
public class ParameterController {

    @Operation(summary = "Every hyperparameter (type, range, default, description, condition), and the strategies"
            + " and pruners with their settings")
    @GetMapping("/api/parameters")
    public ParameterCatalog parameters() {
        return ParameterCatalog.CURRENT;
    }
}
