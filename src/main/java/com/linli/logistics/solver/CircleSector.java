package com.linli.logistics.solver;

/** An arc of polar angles around the depot (0..65535): SWAP* only pairs routes whose arcs overlap. */
final class CircleSector {

	int start;

	int end;

	static int positiveMod(int i) {
		return (i % 65536 + 65536) % 65536;
	}

	void initialize(int point) {
		start = point;
		end = point;
	}

	boolean isEnclosed(int point) {
		return positiveMod(point - start) <= positiveMod(end - start);
	}

	void extend(int point) {
		if (!isEnclosed(point)) {
			if (positiveMod(point - end) <= positiveMod(start - point)) {
				end = point;
			}
			else {
				start = point;
			}
		}
	}

	static boolean overlap(CircleSector a, CircleSector b) {
		return positiveMod(b.start - a.start) <= positiveMod(a.end - a.start)
				|| positiveMod(a.start - b.start) <= positiveMod(b.end - b.start);
	}
}
