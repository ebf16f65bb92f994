package com.linli.leader;

import java.util.HashMap;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.network.NetworkFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Appointing leaders to pickup points and changing their status, through the API. */
@IntegrationTest
class LeaderIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api admin;

	NetworkFixtures fixtures;

	@BeforeEach
	void signIn() {
		admin = Api.at(port).asAdmin();
		fixtures = new NetworkFixtures(admin);
	}

	@Test
	void operatorAppointsALeaderWhoSignsInAndSeesTheirPickupPoint() {
		var network = fixtures.network();
		var operator = fixtures.operatorOf(network.regionId());
		String phone = Api.newPhone();
		for (int i = 0; i < 2; i++) {
			Api.at(port).newResident().put("/api/me/pickup-point", Map.of("pickupPointId", network.pickupPointId()));
		}

		var appointed = operator.post("/api/leaders", appointment(phone, network.pickupPointId()));
		assertThat(appointed.status()).isEqualTo(201);
		assertThat(appointed.json().get("status").asText()).isEqualTo("ACTIVE");
		assertThat(appointed.json().get("regionId").asLong()).isEqualTo(network.regionId());
		assertThat(appointed.json().get("since").asText()).isNotBlank();

		var leader = Api.at(port).as(phone, "leader123");
		assertThat(leader.get("/api/me").json().get("roles").toString()).contains("LEADER");
		var workbench = leader.get("/api/leaders/me");
		assertThat(workbench.status()).isEqualTo(200);
		assertThat(workbench.json().get("leader").get("pickupPointId").asLong()).isEqualTo(network.pickupPointId());
		assertThat(workbench.json().get("residents").asLong()).isEqualTo(2);
		assertThat(leader.get("/api/leaders").status()).isEqualTo(403);

		long audited = jdbc.sql("select count(*) from identity.audit_log where action = 'leader.appoint' and target = ?")
			.param("leader:" + appointed.id()).query(Long.class).single();
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void onlyAnActiveLeaderRunsThePickupPoint() {
		var network = fixtures.network();
		String phone = Api.newPhone();
		var appointed = admin.post("/api/leaders", appointment(phone, network.pickupPointId()));
		long account = appointed.json().get("accountId").asLong();
		assertThat(keptBy(account)).contains(network.pickupPointId());

		assertThat(admin.post("/api/leaders/" + appointed.id() + "/suspend", Map.of()).status()).isEqualTo(200);
		assertThat(keptBy(account)).isEmpty();

		assertThat(admin.post("/api/leaders/" + appointed.id() + "/reactivate", Map.of()).status()).isEqualTo(200);
		assertThat(keptBy(account)).contains(network.pickupPointId());

		assertThat(admin.post("/api/leaders/" + appointed.id() + "/close", Map.of()).status()).isEqualTo(200);
		assertThat(keptBy(account)).isEmpty();
	}

	private java.util.Optional<Long> keptBy(long accountId) {
		return networkManagement.pickupPointKeptBy(new com.linli.identity.AccountId(accountId))
			.map(p -> p.id().value());
	}

	@Autowired
	com.linli.network.KeeperManagement networkManagement;

	@Test
	void aResidentBecomesALeaderKeepingTheirAccountAndPassword() {
		var network = fixtures.network();
		var resident = Api.at(port).newResident();
		var me = resident.get("/api/me").json();
		String phone = me.get("phone").asText();

		var body = appointment(phone, network.pickupPointId());
		body.put("password", "ignored-for-existing");
		var appointed = admin.post("/api/leaders", body);
		assertThat(appointed.status()).isEqualTo(201);
		assertThat(appointed.json().get("accountId").asLong()).isEqualTo(me.get("id").asLong());

		var roles = Api.at(port).as(phone, "secret123").get("/api/me").json().get("roles").toString();
		assertThat(roles).contains("LEADER").contains("RESIDENT");
	}

	@Test
	void aPickupPointHasOneLeaderAtATime() {
		var network = fixtures.network();
		var first = admin.post("/api/leaders", appointment(Api.newPhone(), network.pickupPointId()));
		assertThat(first.status()).isEqualTo(201);
		long accountsBefore = count("identity.account");

		String secondPhone = Api.newPhone();
		var second = admin.post("/api/leaders", appointment(secondPhone, network.pickupPointId()));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("code").asText()).isEqualTo("pickup-point-has-leader");
		assertThat(second.errorFields()).containsExactly("pickupPointId");
		assertThat(count("identity.account")).isEqualTo(accountsBefore);

		// a suspended leader still holds the point; a closed one frees it
		assertThat(admin.post("/api/leaders/" + first.id() + "/suspend", Map.of()).status()).isEqualTo(200);
		assertThat(admin.post("/api/leaders", appointment(secondPhone, network.pickupPointId())).status()).isEqualTo(409);
		assertThat(admin.post("/api/leaders/" + first.id() + "/close", Map.of()).status()).isEqualTo(200);
		var replacement = admin.post("/api/leaders", appointment(secondPhone, network.pickupPointId()));
		assertThat(replacement.status()).isEqualTo(201);
	}

	@Test
	void theDatabaseKeepsOneActiveLeaderPerPickupPoint() {
		var network = fixtures.network();
		assertThat(admin.post("/api/leaders", appointment(Api.newPhone(), network.pickupPointId())).status())
			.isEqualTo(201);
		var refused = catchThrowable(() -> jdbc.sql("""
				insert into leader.leader (account_id, name, phone, pickup_point_id, region_id, status, since,
				                           status_changed_at, created_at)
				values (?, 'x', ?, ?, ?, 'SUSPENDED', current_date, now(), now())""")
			.params(Long.MAX_VALUE, Api.newPhone(), network.pickupPointId(), network.regionId()).update());
		assertThat(refused).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anAccountIsLeaderOnlyOnce() {
		var one = fixtures.network();
		var two = fixtures.network();
		String phone = Api.newPhone();
		assertThat(admin.post("/api/leaders", appointment(phone, one.pickupPointId())).status()).isEqualTo(201);
		var again = admin.post("/api/leaders", appointment(phone, two.pickupPointId()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("phone");
	}

	@Test
	void aClosedLeaderCanBeAppointedAgainAndSeesTheNewPickupPoint() {
		var one = fixtures.network();
		var two = fixtures.network();
		String phone = Api.newPhone();
		long first = admin.post("/api/leaders", appointment(phone, one.pickupPointId())).id();
		assertThat(admin.post("/api/leaders/" + first + "/close", Map.of()).status()).isEqualTo(200);

		var again = admin.post("/api/leaders", appointment(phone, two.pickupPointId()));
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.id()).isNotEqualTo(first);
		assertThat(admin.get("/api/leaders/" + first).json().get("status").asText()).isEqualTo("CLOSED");
		var me = Api.at(port).as(phone, "leader123").get("/api/leaders/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("leader").get("pickupPointId").asLong()).isEqualTo(two.pickupPointId());
		assertThat(me.json().get("leader").get("status").asText()).isEqualTo("ACTIVE");

		// and still only once at a time
		var third = admin.post("/api/leaders", appointment(phone, fixtures.network().pickupPointId()));
		assertThat(third.status()).isEqualTo(409);
		assertThat(third.errorFields()).containsExactly("phone");
	}

	@Test
	void statusChangesFollowTheAllowedTransitions() {
		var network = fixtures.network();
		long id = admin.post("/api/leaders", appointment(Api.newPhone(), network.pickupPointId())).id();

		assertThat(admin.post("/api/leaders/" + id + "/reactivate", Map.of()).status()).isEqualTo(409);
		assertThat(admin.post("/api/leaders/" + id + "/suspend", Map.of()).json().get("status").asText())
			.isEqualTo("SUSPENDED");
		var twice = admin.post("/api/leaders/" + id + "/suspend", Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asText()).isEqualTo("illegal-leader-transition");
		assertThat(admin.post("/api/leaders/" + id + "/reactivate", Map.of()).json().get("status").asText())
			.isEqualTo("ACTIVE");
		assertThat(admin.post("/api/leaders/" + id + "/close", Map.of()).json().get("status").asText())
			.isEqualTo("CLOSED");
		assertThat(admin.post("/api/leaders/" + id + "/reactivate", Map.of()).status()).isEqualTo(409);
		assertThat(admin.get("/api/leaders/" + id).json().get("status").asText()).isEqualTo("CLOSED");
		assertThat(admin.post("/api/leaders/" + Long.MAX_VALUE + "/suspend", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void badAppointmentsNameTheFieldAndCreateNothing() {
		var network = fixtures.network();
		long leadersBefore = count("leader.leader");
		long accountsBefore = count("identity.account");

		var badPhone = admin.post("/api/leaders", appointment("12345", network.pickupPointId()));
		assertThat(badPhone.status()).isEqualTo(400);
		assertThat(badPhone.errorFields()).containsExactly("phone");

		var blankName = appointment(Api.newPhone(), network.pickupPointId());
		blankName.put("name", " ");
		assertThat(admin.post("/api/leaders", blankName).errorFields()).containsExactly("name");

		var noPoint = appointment(Api.newPhone(), network.pickupPointId());
		noPoint.remove("pickupPointId");
		assertThat(admin.post("/api/leaders", noPoint).errorFields()).containsExactly("pickupPointId");

		var unknownPoint = admin.post("/api/leaders", appointment(Api.newPhone(), Long.MAX_VALUE));
		assertThat(unknownPoint.status()).isEqualTo(400);
		assertThat(unknownPoint.errorFields()).containsExactly("pickupPointId");

		var noPassword = appointment(Api.newPhone(), network.pickupPointId());
		noPassword.remove("password");
		var withoutPassword = admin.post("/api/leaders", noPassword);
		assertThat(withoutPassword.status()).isEqualTo(400);
		assertThat(withoutPassword.errorFields()).containsExactly("password");

		var shortPassword = appointment(Api.newPhone(), network.pickupPointId());
		shortPassword.put("password", "123");
		assertThat(admin.post("/api/leaders", shortPassword).errorFields()).containsExactly("password");

		assertThat(count("leader.leader")).isEqualTo(leadersBefore);
		assertThat(count("identity.account")).isEqualTo(accountsBefore);
	}

	@Test
	void operatorsAppointAndSeeLeadersOfTheirRegionsOnly() {
		var mine = fixtures.network();
		var theirs = fixtures.network();
		var operator = fixtures.operatorOf(mine.regionId());
		long theirLeader = admin.post("/api/leaders", appointment(Api.newPhone(), theirs.pickupPointId())).id();
		long myLeader = operator.post("/api/leaders", appointment(Api.newPhone(), mine.pickupPointId())).id();

		long before = count("leader.leader");
		var theirsNew = fixtures.pickupPoint(theirs.communityId(), theirs.gridId());
		assertThat(operator.post("/api/leaders", appointment(Api.newPhone(), theirsNew)).status()).isEqualTo(403);
		assertThat(count("leader.leader")).isEqualTo(before);

		var listed = operator.get("/api/leaders?size=200").json();
		assertThat(listed.get("items").findValues("id").stream().map(n -> n.asLong())).contains(myLeader)
			.doesNotContain(theirLeader);
		assertThat(listed.get("items").findValues("regionId").stream().map(n -> n.asLong())).containsOnly(mine.regionId());
		assertThat(operator.get("/api/leaders/" + theirLeader).status()).isEqualTo(403);
		assertThat(operator.get("/api/leaders?regionId=" + theirs.regionId()).status()).isEqualTo(403);
		assertThat(operator.post("/api/leaders/" + theirLeader + "/suspend", Map.of()).status()).isEqualTo(403);
		assertThat(admin.get("/api/leaders/" + theirLeader).json().get("status").asText()).isEqualTo("ACTIVE");

		assertThat(Api.at(port).anonymous().get("/api/leaders").status()).isEqualTo(401);
		assertThat(Api.at(port).anonymous().post("/api/leaders", appointment(Api.newPhone(), theirsNew)).status())
			.isEqualTo(401);
		assertThat(Api.at(port).newResident().post("/api/leaders", appointment(Api.newPhone(), theirsNew)).status())
			.isEqualTo(403);
	}

	@Test
	void leadersAreFoundByNameOrPhoneAndStatus() {
		var network = fixtures.network();
		String phone = Api.newPhone();
		var body = appointment(phone, network.pickupPointId());
		String name = "团长" + NetworkFixtures.unique();
		body.put("name", name);
		long id = admin.post("/api/leaders", body).id();
		admin.post("/api/leaders/" + id + "/suspend", Map.of());

		String region = "regionId=" + network.regionId();
		assertThat(admin.get("/api/leaders?" + region + "&q=" + phone.substring(3)).json().get("total").asLong())
			.isEqualTo(1);
		assertThat(admin.get("/api/leaders?" + region + "&status=SUSPENDED").json().get("total").asLong()).isEqualTo(1);
		assertThat(admin.get("/api/leaders?" + region + "&status=ACTIVE").json().get("total").asLong()).isZero();
		assertThat(admin.get("/api/leaders?status=SLEEPING").errorFields()).containsExactly("status");
	}

	private static Map<String, Object> appointment(String phone, long pickupPointId) {
		var body = new HashMap<String, Object>();
		body.put("phone", phone);
		body.put("name", "张姐");
		body.put("password", "leader123");
		body.put("pickupPointId", pickupPointId);
		return body;
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
