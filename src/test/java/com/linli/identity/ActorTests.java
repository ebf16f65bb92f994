package com.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class ActorTests {

	@Test
	void theSystemWorksInEveryRegionButIsNoAccount() {
		var system = Actor.system("cutoff-scheduler");
		assertThat(system.isSystem()).isTrue();
		assertThat(system.worksIn(7)).isTrue();
		assertThat(system.managesRegion(7)).isTrue();
		assertThat(system.regionFilter(null).isAll()).isTrue();
		assertThat(system.accountIdOrNull()).isNull();
		assertThatThrownBy(system::requireAccount).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anOperatorWorksInTheRegionsOfTheAccountOnly() {
		var operator = Actor.of(new AccountId(5), "op", Set.of(Role.OPERATOR), Set.of(1L, 2L), null);
		assertThat(operator.worksIn(1)).isTrue();
		assertThat(operator.worksIn(3)).isFalse();
		assertThat(operator.managesRegion(2)).isTrue();
		assertThatThrownBy(() -> operator.checkRegion(3)).isInstanceOf(AccessDeniedException.class);
		assertThat(operator.regionFilter(null).idsOrNull()).containsExactlyInAnyOrder(1L, 2L);
		assertThat(operator.regionFilter(2L).idsOrNull()).containsExactly(2L);
		assertThatThrownBy(() -> operator.regionFilter(3L)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void warehouseStaffWorkInTheirRegionsButDoNotManageThem() {
		var staff = Actor.of(new AccountId(6), "wh", Set.of(Role.WAREHOUSE_STAFF), Set.of(1L), null);
		assertThat(staff.worksIn(1)).isTrue();
		assertThat(staff.managesRegion(1)).isFalse();
	}

	@Test
	void residentsLeadersAndSuppliersWorkInNoRegionWhateverTheirAccountSays() {
		for (Role role : Set.of(Role.RESIDENT, Role.LEADER, Role.SUPPLIER)) {
			var actor = Actor.of(new AccountId(9), "x", Set.of(role), Set.of(1L), role == Role.LEADER ? 44L : null);
			assertThat(actor.worksIn(1)).as(role.name()).isFalse();
			assertThat(actor.regionFilter(null).idsOrNull()).as(role.name()).isEmpty();
		}
		assertThat(Actor.of(new AccountId(9), "x", Set.of(Role.LEADER), Set.of(), 44L).pickupPoint()).contains(44L);
	}

	@Test
	void anAdminWorksAndManagesEverywhere() {
		var admin = Actor.of(new AccountId(1), "admin", Set.of(Role.PLATFORM_ADMIN), Set.of(), null);
		assertThat(admin.worksIn(99)).isTrue();
		assertThat(admin.managesRegion(99)).isTrue();
		assertThat(admin.regionFilter(null).isAll()).isTrue();
		assertThat(admin.is(new AccountId(1))).isTrue();
	}
}
