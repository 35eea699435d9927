package org.coopflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

class ModularityTests {

	/** Where the module documentation is kept with the sources, so that a change to it shows in review. */
	static final Path DOCS = Path.of("docs", "modules");

	private final ApplicationModules modules = ApplicationModules.of(CoopflowApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiWithoutCycles() {
		modules.verify();
	}

	/**
	 * Writes Spring Modulith's documentation of the modules (a PlantUML component diagram of all modules,
	 * one per module, and the module canvases) into {@code docs/modules}, so it never drifts from the code.
	 */
	@Test
	void writesTheModuleDocumentation() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeDocumentation(DiagramOptions.defaults(), Documenter.CanvasOptions.defaults());

		assertThat(DOCS.resolve("components.puml")).exists();
		for (var module : modules) {
			assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).as(module.getDisplayName()).exists();
		}
		try (var files = Files.list(DOCS)) {
			assertThat(files.filter(f -> f.toString().endsWith(".adoc"))).isNotEmpty();
		}
	}

}
