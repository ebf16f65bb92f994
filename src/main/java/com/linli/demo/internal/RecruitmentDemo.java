package com.linli.demo.internal;

import java.time.LocalTime;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.IdNumbers;
import com.linli.leader.LeaderApplication;
import com.linli.leader.NewLeaderApplication;
import com.linli.leader.PickupPointKind;
import com.linli.leader.RecruitmentManagement;
import com.linli.network.Community;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Seeds leader recruitment into the demo city through the leader module's public API: applications waiting for
 * review in the first region (a shop, a home and a property office, scored differently), one of them asked for more
 * (its answer pending), so an operator finds a queue at {@code /console/leader-applications} on a fresh start.
 */
@Component
public class RecruitmentDemo {

	private static final Logger log = LoggerFactory.getLogger(RecruitmentDemo.class);

	private static final Actor DEMO = Actor.system("demo");

	private record Applicant(String name, String phone, String idFirst17, PickupPointKind kind, String pointName,
			int followers, int households, int storage, double north, double east) {
	}

	// the 197 numbers are the demo's own, apart from the phone book of residents and staff
	private static final List<Applicant> APPLICANTS = List.of(
			new Applicant("赵敏", "19700001301", "33010619850312402", PickupPointKind.SHOP, "赵敏便利店", 280, 900, 15, 0.004, 0.003),
			new Applicant("钱磊", "19700001302", "33010619900721513", PickupPointKind.HOME, "钱磊家门口", 90, 300, 2, -0.003, 0.004),
			new Applicant("孙丽", "19700001303", "33010619781105624", PickupPointKind.PROPERTY_OFFICE, "物业服务中心", 160, 1200, 6, 0.002, -0.004),
			new Applicant("李强", "19700001304", "33010619930214735", PickupPointKind.SHOP, "李强水果店", 40, 150, 0, 0.0005, 0.0005));

	private final RecruitmentManagement recruitment;

	RecruitmentDemo(RecruitmentManagement recruitment) {
		this.recruitment = recruitment;
	}

	/** Seeds the city just loaded: applications in its first region's communities. */
	public void seed(List<RegionId> regions) {
		if (regions.isEmpty()) {
			return;
		}
		List<Community> communities = recruitment.communities(regions.get(0));
		if (communities.isEmpty()) {
			return;
		}
		int made = 0;
		for (int i = 0; i < APPLICANTS.size(); i++) {
			var p = APPLICANTS.get(i);
			var c = communities.get(i % communities.size());
			try {
				LeaderApplication a = recruitment.record(DEMO, new NewLeaderApplication(p.name(), p.phone(),
						p.idFirst17() + IdNumbers.checkCharacter(p.idFirst17()), c.id(), p.kind(), p.pointName(),
						c.address(), c.latitude() + p.north(), c.longitude() + p.east(), LocalTime.of(8, 0),
						LocalTime.of(21, 0), p.followers(), p.households(), p.storage(), i == 0 ? "DEMO01" : null),
						List.of());
				if (i == 1) {
					recruitment.requestMoreInfo(DEMO, a.id(), "请补充一张能看到存放区域的照片");
				}
				made++;
			}
			catch (BusinessRuleException e) {
				log.warn("Demo city: leader application of {} not seeded: {}", p.name(), e.getMessage());
			}
		}
		log.info("Demo city: {} leader application(s) waiting for review", made);
	}
}
