package org.coopflow.reference;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The standards catalogue: everyone signed in reads it; administrators add standards, correct their words and
 * remove one nothing names (who may write is decided in the security module's URL rules).
 */
@RestController
@RequestMapping("/api/standards")
@Tag(name = "Reference data")
class StandardsController {

	private final StandardsCatalogue catalogue;

	private final AddStandard addStandard;

	private final ChangeStandard changeStandard;

	private final RemoveStandard removeStandard;

	StandardsController(StandardsCatalogue catalogue, AddStandard addStandard, ChangeStandard changeStandard,
			RemoveStandard removeStandard) {
		this.catalogue = catalogue;
		this.addStandard = addStandard;
		this.changeStandard = changeStandard;
		this.removeStandard = removeStandard;
	}

	@GetMapping
	@Operation(summary = "The catalogue of UN standards and norms in crime prevention and criminal justice")
	List<Standard> all() {
		return catalogue.all();
	}

	@GetMapping("/{code}")
	@Operation(summary = "One standard")
	Standard get(@PathVariable String code) {
		return catalogue.find(code).orElseThrow(() -> new NotFoundException("The catalogue has no standard " + code + "."));
	}

	@PostMapping
	@Operation(summary = "Add a standard to the catalogue (administrators)",
			description = "It comes last in the catalogue's order. Bad input is 400 naming every field; a code the catalogue "
					+ "has is 409. A code is never renamed, since programmes, pledges and reports name a standard by it; a standard nothing names can be removed (DELETE).")
	ResponseEntity<Standard> add(@RequestBody AddStandard.NewStandard standard, Principal administrator) {
		Standard added = addStandard.add(administrator.getName(), standard);
		return ResponseEntity.created(URI.create("/api/standards/" + added.code())).body(added);
	}

	@PutMapping("/{code}")
	@Operation(summary = "Correct a standard's title and what adopted it (administrators); the code stays")
	Standard change(@PathVariable String code, @RequestBody ChangeStandard.Wording wording, Principal administrator) {
		return changeStandard.change(administrator.getName(), code, wording);
	}

	@DeleteMapping("/{code}")
	@Operation(summary = "Remove a standard nothing names (administrators), e.g. one added with a mistyped code",
			description = "409 naming what still names it: programmes (or their history), pledges, activities, results, overlap alerts.")
	ResponseEntity<Void> remove(@PathVariable String code, Principal administrator) {
		removeStandard.remove(administrator.getName(), code);
		return ResponseEntity.noContent().build();
	}

}
