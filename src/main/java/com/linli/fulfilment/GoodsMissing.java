package com.linli.fulfilment;

import java.util.List;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Refusal of a dispatch whose goods are not all at the central or grid warehouse (purchase orders still
 * drafts, not received yet): lists the units missing per SKU. Staff may still send the truck with an
 * override and a reason; then only what is there moves.
 */
public class GoodsMissing extends BusinessRuleException {

	private final transient List<Missing> missing;

	public GoodsMissing(List<Missing> missing) {
		super("goods-missing", "override", Text.of("fulfilment.problem.goodsMissing", describe(missing)));
		this.missing = List.copyOf(missing);
	}

	public List<Missing> missing() {
		return missing;
	}

	public long units() {
		return missing.stream().mapToLong(Missing::units).sum();
	}

	static String describe(List<Missing> missing) {
		return String.join(", ", missing.stream().map(m -> m.skuName() + " ×" + m.units()).toList());
	}

	/** Units of a SKU the truck would lack. */
	public record Missing(long skuId, String skuName, long units) {
	}
}
