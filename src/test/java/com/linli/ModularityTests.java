package com.linli;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map of DESIGN.md section 3 holds: no module reaches into another's internals or past its allowed dependencies. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(LinliApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	@Test
	void writesDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
