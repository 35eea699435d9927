package org.coopflow.reference;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/standards")
@Tag(name = "Reference data")
class StandardsController {

	private final StandardsCatalogue catalogue;

	StandardsController(StandardsCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	@Operation(summary = "The catalogue of UN standards and norms in crime prevention and criminal justice")
	List<Standard> all() {
		return catalogue.all();
	}

}
