package com.linli.leader.internal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.leader.CategoryRate;
import com.linli.leader.CommissionBand;
import com.linli.leader.CommissionScheme;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.validation.BindingResult;

/**
 * The console's scheme editor: bands with a floor in yuan and a rate in percent, category rates in
 * percent. Turned into domain bands and overrides only when every cell parses; otherwise each bad
 * cell gets its error beside it.
 */
public class SchemeForm {

	private List<BandRow> bands = new ArrayList<>();

	private List<OverrideRow> overrides = new ArrayList<>();

	static SchemeForm of(CommissionScheme scheme) {
		var form = new SchemeForm();
		scheme.bands().forEach(b -> form.bands.add(new BandRow(b.floor().yuan().stripTrailingZeros().toPlainString(),
				b.ratePercent())));
		scheme.overrides().forEach(o -> form.overrides.add(new OverrideRow(o.categoryId().value(), o.ratePercent())));
		return form;
	}

	/** The bands, or null when a cell does not parse (the errors are in {@code result}). */
	List<CommissionBand> bands(BindingResult result) {
		List<CommissionBand> parsed = new ArrayList<>();
		for (int i = 0; i < bands.size(); i++) {
			var row = bands.get(i);
			Money floor = null;
			try {
				floor = Money.ofYuan(blankToNull(row.getFloor(), null));
				if (floor.isNegative()) {
					throw new IllegalArgumentException();
				}
			}
			catch (IllegalArgumentException e) {
				result.rejectValue("bands[" + i + "].floor", "yuan", Text.of("leader.problem.amountInYuan").inReadersLanguage());
			}
			Integer rate = basisPoints(row.getRate(), "bands[" + i + "].rate", result);
			if (floor != null && rate != null) {
				parsed.add(new CommissionBand(floor, rate));
			}
		}
		return result.hasErrors() ? null : parsed;
	}

	/** The overrides, or null when a cell does not parse. */
	List<CategoryRate> overrides(BindingResult result) {
		List<CategoryRate> parsed = new ArrayList<>();
		for (int i = 0; i < overrides.size(); i++) {
			var row = overrides.get(i);
			if (row.getCategoryId() == null) {
				result.rejectValue("overrides[" + i + "].categoryId", "required", Text.of("leader.problem.chooseCategory").inReadersLanguage());
			}
			Integer rate = basisPoints(row.getRate(), "overrides[" + i + "].rate", result);
			if (row.getCategoryId() != null && rate != null) {
				parsed.add(new CategoryRate(new CategoryId(row.getCategoryId()), rate));
			}
		}
		return result.hasErrors() ? null : parsed;
	}

	/** Where a domain error about a field of the API goes in this form. */
	static String formField(String apiField) {
		return apiField.replace(".floorFen", ".floor").replace(".rateBasisPoints", ".rate");
	}

	private static Integer basisPoints(String percent, String field, BindingResult result) {
		try {
			var value = new BigDecimal(blankToNull(percent, null).strip());
			if (value.scale() > 2) {
				throw new NumberFormatException();
			}
			return value.movePointRight(2).intValueExact();
		}
		catch (RuntimeException e) {
			result.rejectValue(field, "percent", Text.of("leader.problem.percentage").inReadersLanguage());
			return null;
		}
	}

	private static String blankToNull(String value, String otherwise) {
		if (value == null || value.isBlank()) {
			if (otherwise == null) {
				throw new NumberFormatException("blank");
			}
			return otherwise;
		}
		return value.strip();
	}

	public List<BandRow> getBands() {
		return bands;
	}

	public void setBands(List<BandRow> bands) {
		this.bands = bands == null ? new ArrayList<>() : bands;
	}

	public List<OverrideRow> getOverrides() {
		return overrides;
	}

	public void setOverrides(List<OverrideRow> overrides) {
		this.overrides = overrides == null ? new ArrayList<>() : overrides;
	}

	/** A band row: floor in yuan, rate in percent, as typed. */
	public static class BandRow {

		private String floor;

		private String rate;

		public BandRow() {
		}

		BandRow(String floor, String rate) {
			this.floor = floor;
			this.rate = rate;
		}

		public String getFloor() {
			return floor;
		}

		public void setFloor(String floor) {
			this.floor = floor;
		}

		public String getRate() {
			return rate;
		}

		public void setRate(String rate) {
			this.rate = rate;
		}
	}

	/** A category rate row: the category and the rate in percent, as typed. */
	public static class OverrideRow {

		private Long categoryId;

		private String rate;

		public OverrideRow() {
		}

		OverrideRow(Long categoryId, String rate) {
			this.categoryId = categoryId;
			this.rate = rate;
		}

		public Long getCategoryId() {
			return categoryId;
		}

		public void setCategoryId(Long categoryId) {
			this.categoryId = categoryId;
		}

		public String getRate() {
			return rate;
		}

		public void setRate(String rate) {
			this.rate = rate;
		}
	}
}
