package com.linli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;

import com.linli.shared.BusinessRuleException;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The one check of a status enum's moves (CONTRIBUTING.md, "One transition idiom"): for a pair of statuses,
 * the enum allows the move exactly when the lifecycle's table does, {@code to} answers the target, and a
 * refused move is a 409 with the lifecycle's code whose text names both statuses.
 */
public final class StatusMoves<E extends Enum<E>> {

	private final Class<E> type;

	private final Map<E, Set<E>> allowed;

	private final BiPredicate<E, E> canBecome;

	private final Function<E, Set<E>> next;

	private final BinaryOperator<E> to;

	private final String code;

	private StatusMoves(Class<E> type, Map<E, Set<E>> allowed, BiPredicate<E, E> canBecome, Function<E, Set<E>> next,
			BinaryOperator<E> to, String code) {
		this.type = type;
		this.allowed = allowed;
		this.canBecome = canBecome;
		this.next = next;
		this.to = to;
		this.code = code;
	}

	/** The lifecycle's table of allowed moves (every status a key), and how the enum answers. */
	public static <E extends Enum<E>> StatusMoves<E> of(Class<E> type, Map<E, Set<E>> allowed, BiPredicate<E, E> canBecome,
			Function<E, Set<E>> next, BinaryOperator<E> to, String code) {
		assertThat(allowed.keySet()).as("every status has a row").isEqualTo(EnumSet.allOf(type));
		return new StatusMoves<>(type, allowed, canBecome, next, to, code);
	}

	/** Every (from, to) pair of statuses, for a parameterised test. */
	public Stream<Arguments> pairs() {
		E[] values = type.getEnumConstants();
		return Arrays.stream(values).flatMap(from -> Arrays.stream(values).map(target -> Arguments.of(from, target)));
	}

	/** The move from one status to the other is allowed exactly when the table says so, and refused clearly otherwise. */
	public void check(E from, E target) {
		boolean expected = allowed.get(from).contains(target);
		assertThat(canBecome.test(from, target)).as("%s may become %s", from, target).isEqualTo(expected);
		assertThat(next.apply(from).contains(target)).as("%s lists %s among its moves", from, target).isEqualTo(expected);
		if (expected) {
			assertThat(to.apply(from, target)).isEqualTo(target);
			return;
		}
		assertThatThrownBy(() -> to.apply(from, target)).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
			assertThat(e.code()).isEqualTo(code);
			// the message names both statuses
			assertThat(Arrays.stream(e.text().args()).map(String::valueOf)).containsExactly(from.name(), target.name());
		});
	}
}
