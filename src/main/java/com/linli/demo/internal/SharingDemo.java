package com.linli.demo.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.linli.demo.CityGenerator;
import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.leader.Leader;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LeaderSearch;
import com.linli.leader.LeaderStatus;
import com.linli.leader.NewLeader;
import com.linli.leader.NewTrainingCourse;
import com.linli.leader.NewTrainingCourse.NewQuestion;
import com.linli.leader.QuizAnswer;
import com.linli.leader.TrainingCourse;
import com.linli.leader.TrainingCourse.Category;
import com.linli.leader.TrainingManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Seeds training into the demo city through the leader module's public API: the first region's basic path of
 * four courses with quizzes (platform operation, product knowledge, marketing, customer service) and an
 * elective; its leaders at different progress (none, some courses, a failed attempt, all passed); the gate
 * switched on, then a new leader appointed at a free pickup point, whose point waits for their training. An
 * operator finds it at {@code /console/leaders/training}; the new leader signs in with 19700001501 and the demo
 * password and takes the courses at {@code /leader/training}.
 */
@Component
public class SharingDemo {

	private static final Logger log = LoggerFactory.getLogger(SharingDemo.class);

	private static final Actor DEMO = Actor.system("demo");

	static final String NEW_LEADER_PHONE = "19700001501";

	private final TrainingManagement training;

	private final LeaderManagement leaders;

	private final PickupPointManagement points;

	SharingDemo(TrainingManagement training, LeaderManagement leaders, PickupPointManagement points) {
		this.training = training;
		this.leaders = leaders;
		this.points = points;
	}

	public void seed(LoadedCity city) {
		seed(city, NEW_LEADER_PHONE);
	}

	void seed(LoadedCity city, String newLeaderPhone) {
		if (city.regions().isEmpty()) {
			return;
		}
		RegionId region = city.regions().get(0);
		if (!training.courses(DEMO, region).isEmpty()) {
			return;
		}
		List<TrainingCourse> path = List.of(
				course(region, "平台操作：收货与核销", Category.PLATFORM, 1, 80,
						"每天上午货到自提点后，在团长工作台「收货」页逐项清点，缺货或破损当场拍照登记。\n"
								+ "居民来取货时，扫描居民出示的取货码（或输入 6 位取货码），核对商品后点「确认交付」。",
						List.of(new NewQuestion("货到自提点后第一步做什么？", List.of("直接摆上货架", "在收货页逐项清点", "通知居民来取"), List.of(1)),
								new NewQuestion("核销时可以用哪些方式？", List.of("扫取货二维码", "输入 6 位取货码", "报手机号后直接给货"), List.of(0, 1)))),
				course(region, "商品知识：生鲜的保存", Category.PRODUCT, 2, 60,
						"叶菜怕热怕压，到货后放阴凉处；冷冻品到货后 30 分钟内放入冷柜；水果轻拿轻放。\n"
								+ "临期商品要提醒居民尽快取走。",
						List.of(new NewQuestion("冷冻品到货后多久内放进冷柜？", List.of("30 分钟内", "2 小时内", "当天即可"), List.of(0)),
								new NewQuestion("叶菜应该怎么放？", List.of("阴凉处、不挤压", "阳光下晒干", "叠放压紧"), List.of(0)))),
				course(region, "营销推广：分享与接龙", Category.MARKETING, 3, 60,
						"每天开团后，在「分享今日商品」页保存商品卡片发到小区群，再一键复制接龙文字。\n"
								+ "卡片上的二维码让邻居绑定您的自提点直接下单。截单前 1 小时再提醒一次。",
						List.of(new NewQuestion("分享卡片上的二维码通向哪里？", List.of("您的自提点的商城", "平台首页", "团长的个人主页"), List.of(0)),
								new NewQuestion("接龙文字里居民的名字怎么显示？", List.of("全名", "只显示姓，其余打星号"), List.of(1)))),
				course(region, "客户服务：售后与投诉", Category.SERVICE, 4, 100,
						"居民反映商品有问题时，先道歉并请对方在 App 里提交售后申请（附照片）。\n"
								+ "不要私下退钱；投诉要在 2 小时内首次回复。",
						List.of(new NewQuestion("居民说苹果坏了，您应该？", List.of("私下退钱", "请对方在 App 提交售后并附照片", "让对方找平台"), List.of(1)))));
		List<TrainingCourse> made = path;
		training.create(DEMO, new NewTrainingCourse(region, "选修：拍出好看的商品图", Category.MARKETING,
				"用自然光，背景干净，商品占画面三分之二。", List.of(), List.of(), null, 60,
				List.of(new NewQuestion("拍商品图用什么光？", List.of("自然光", "逆光"), List.of(0)))));

		// the region's leaders at different progress: none, one course, a failed attempt, two, all four
		var found = leaders.search(new LeaderSearch(Set.of(region), LeaderStatus.ACTIVE, null, 0, 40)).items();
		for (int i = 0; i < found.size(); i++) {
			Leader l = found.get(i);
			Actor actor = Actor.of(l.accountId(), l.name(), Set.of(Role.LEADER), Set.of(), l.pickupPointId().value());
			int passes = l.pickupPointId().equals(city.firstPickupPoint()) ? 2 : i % 5;
			for (int c = 0; c < Math.min(passes, made.size()); c++) {
				if (c == 0 && i % 3 == 1) {
					training.attempt(actor, made.get(c).id(), wrong(made.get(c)));
				}
				training.attempt(actor, made.get(c).id(), right(made.get(c)));
			}
			if (passes < made.size() && i % 2 == 0) {
				training.open(actor, made.get(passes).id());
			}
		}

		// the gate on, then a new leader at a free pickup point: their point waits for the basic path
		training.setGate(DEMO, region, true);
		Set<com.linli.network.PickupPointId> taken = new HashSet<>(leaders.pickupPointsWithLeader(
				points.pickupPoints(region).stream().map(PickupPoint::id).toList()));
		var free = points.pickupPoints(region).stream().filter(PickupPoint::active).filter(p -> !taken.contains(p.id()))
			.findFirst();
		if (free.isEmpty()) {
			log.info("Demo city: training seeded; no free pickup point for a new leader waiting for training");
			return;
		}
		Leader newcomer = leaders.appoint(DEMO, new NewLeader(newLeaderPhone, "周新", CityGenerator.DEMO_PASSWORD,
				free.get().id()));
		Actor actor = Actor.of(newcomer.accountId(), newcomer.name(), Set.of(Role.LEADER), Set.of(),
				newcomer.pickupPointId().value());
		training.attempt(actor, made.get(0).id(), right(made.get(0)));
		log.info("Demo city: training seeded ({} courses, gate on); new leader {} at {} waits for training",
				made.size() + 1, newLeaderPhone, free.get().name());
	}

	private TrainingCourse course(RegionId region, String title, Category category, int position, int passMark,
			String body, List<NewQuestion> questions) {
		return training.create(DEMO, new NewTrainingCourse(region, title, category, body, List.of(),
				List.of("https://video.linli.example/training/" + position), position, passMark, questions));
	}

	private static List<QuizAnswer> right(TrainingCourse c) {
		return c.questions().stream().map(q -> new QuizAnswer(q.id(), q.correct())).toList();
	}

	private static List<QuizAnswer> wrong(TrainingCourse c) {
		return c.questions().stream()
			.map(q -> new QuizAnswer(q.id(), List.of(q.correct().contains(0) ? q.options().size() - 1 : 0)))
			.toList();
	}

}
