package com.linli.logistics;

/** What goes to one pickup point (or on one route): crates per temperature zone and the weight in kilograms. */
public record Load(int ambientCrates, int chilledCrates, int frozenCrates, double kg) {

	public static final Load NONE = new Load(0, 0, 0, 0);

	public Load {
		if (ambientCrates < 0 || chilledCrates < 0 || frozenCrates < 0 || kg < 0) {
			throw new IllegalArgumentException("a load is never negative");
		}
	}

	public Load plus(Load other) {
		return new Load(ambientCrates + other.ambientCrates, chilledCrates + other.chilledCrates,
				frozenCrates + other.frozenCrates, kg + other.kg);
	}

	public int crates() {
		return ambientCrates + chilledCrates + frozenCrates;
	}
}
