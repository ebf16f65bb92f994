package com.linli.aftersales.internal.help;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.linli.aftersales.FaqEntry;

/**
 * Ranks questions of the help centre for a query in Chinese (no spaces between words): the query is cut into its
 * terms (each pair of neighbouring Chinese characters, a lone Chinese character, each run of letters or digits),
 * and a question scores for every term found in it, more when found in the question than in the answer, and
 * more for a rare term than for one most questions share (怎么, 什么); questions far below the best are
 * left out. Plain Java, no Spring.
 */
public final class FaqSearch {

	/** A question scoring less than this share of the best one is left out. */
	static final double RELEVANT_SHARE = 0.25;

	static final double IN_QUESTION = 3, IN_ANSWER = 1, WHOLE_QUERY_IN_QUESTION = 4;

	private FaqSearch() {
	}

	/** The questions matching the query, best first (ties by category order, then sort); none for a blank query. */
	public static List<FaqEntry> rank(String query, List<FaqEntry> entries, int limit) {
		Set<String> terms = terms(query);
		if (terms.isEmpty() || entries.isEmpty()) {
			return List.of();
		}
		Map<String, Double> weight = new HashMap<>();
		for (String term : terms) {
			long containing = entries.stream().filter(e -> contains(e, term)).count();
			// rare terms weigh more; a term in every question still counts a little
			weight.put(term, Math.log(1.0 + (double) entries.size() / Math.max(1, containing)));
		}
		String whole = normalize(query);
		record Scored(FaqEntry entry, double score, int index) {
		}
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			FaqEntry e = entries.get(i);
			String q = normalize(e.question());
			String a = normalize(e.answer());
			double score = 0;
			for (String term : terms) {
				if (q.contains(term)) {
					score += IN_QUESTION * weight.get(term);
				}
				else if (a.contains(term)) {
					score += IN_ANSWER * weight.get(term);
				}
			}
			if (score > 0 && terms.size() > 1 && q.contains(whole)) {
				score += WHOLE_QUERY_IN_QUESTION * weight.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
			}
			if (score > 0) {
				scored.add(new Scored(e, score, i));
			}
		}
		// a question that shares only a common word with the query (怎么) is noise beside one that answers it
		double best = scored.stream().mapToDouble(Scored::score).max().orElse(0);
		return scored.stream().filter(x -> x.score() >= RELEVANT_SHARE * best).sorted(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(Scored::index))
			.limit(limit).map(Scored::entry).toList();
	}

	private static boolean contains(FaqEntry e, String term) {
		return normalize(e.question()).contains(term) || normalize(e.answer()).contains(term);
	}

	/** The query's terms: Chinese bigrams (a lone character alone), and runs of letters or digits. */
	static Set<String> terms(String query) {
		Set<String> terms = new LinkedHashSet<>();
		if (query == null) {
			return terms;
		}
		String text = normalize(query);
		StringBuilder han = new StringBuilder();
		StringBuilder word = new StringBuilder();
		text.codePoints().forEach(cp -> {
			if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				flushWord(word, terms);
				han.appendCodePoint(cp);
			}
			else if (Character.isLetterOrDigit(cp)) {
				flushHan(han, terms);
				word.appendCodePoint(cp);
			}
			else {
				flushHan(han, terms);
				flushWord(word, terms);
			}
		});
		flushHan(han, terms);
		flushWord(word, terms);
		return terms;
	}

	private static void flushHan(StringBuilder han, Set<String> terms) {
		int[] cps = han.codePoints().toArray();
		if (cps.length == 1) {
			terms.add(new String(cps, 0, 1));
		}
		for (int i = 0; i + 1 < cps.length; i++) {
			terms.add(new String(cps, i, 2));
		}
		han.setLength(0);
	}

	private static void flushWord(StringBuilder word, Set<String> terms) {
		if (!word.isEmpty()) {
			terms.add(word.toString());
		}
		word.setLength(0);
	}

	static String normalize(String s) {
		return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
	}
}
