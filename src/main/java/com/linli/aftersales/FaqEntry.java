package com.linli.aftersales;

import java.time.Instant;

/** A question of the help centre with its answer, under a category; inactive ones are not shown to residents. */
public record FaqEntry(FaqId id, long categoryId, String category, String question, String answer, int sort,
		boolean active, Instant updatedAt) {
}
