package com.linli.demo.internal;

import java.util.List;

import com.linli.aftersales.NewReview;
import com.linli.aftersales.ReviewId;
import com.linli.aftersales.ReviewManagement;
import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderSearch;
import com.linli.ordering.OrderStatus;
import com.linli.shared.BusinessRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reviews in the demo city, through aftersales' API: residents of the first region review lines of the orders
 * they picked up on the history days, mostly 4–5 stars with a few low ones, and an operator has hidden one abusive
 * review. The help centre's questions come with its migration (V12_31). Deterministic (a line's stars follow from
 * its ids) and idempotent (a line is reviewed once; seeding again adds nothing).
 */
@Component
public class ReviewsDemo {

	private static final Logger log = LoggerFactory.getLogger(ReviewsDemo.class);

	private static final Actor MODERATOR = Actor.system("demo-reviews");

	/** How many picked-up orders of the region get a review. */
	static final int ORDERS = 80;

	static final String ABUSIVE = "垃圾东西，团长就是骗子！！！想要便宜货加我微信 wx123456";

	static final List<String> GOOD = List.of("很新鲜，家里人都说好吃", "个头大，分量足，下次还买", "性价比很高，比超市便宜",
			"包装完好，团长很热情", "口感不错，孩子很喜欢", "第二次买了，品质稳定", "");

	static final List<String> MIDDLE = List.of("还可以，个别有点小", "一般般，和图片有点差距");

	static final List<String> LOW = List.of("有两个坏的，不太新鲜", "分量不足，有点失望");

	private final ReviewManagement reviews;

	private final OrderManagement orders;

	ReviewsDemo(ReviewManagement reviews, OrderManagement orders) {
		this.reviews = reviews;
		this.orders = orders;
	}

	/** Seeds the city's first region; answers how many reviews were posted. */
	public int seed(LoadedCity city) {
		return city.regions().isEmpty() ? 0 : seed(city.regions().get(0));
	}

	/** Reviews of picked-up orders of the region (and one hidden); answers how many were posted. */
	public int seed(RegionId region) {
		var picked = orders.search(new OrderSearch(null, region.value(), null, OrderStatus.PICKED_UP, null, null), 0,
				ORDERS).items();
		int posted = 0;
		boolean hiddenOne = false;
		for (Order order : picked) {
			var resident = Actor.resident(order.residentId());
			for (OrderLine line : order.lines()) {
				if (line.pickedUpQuantity() == 0) {
					continue;
				}
				long h = Math.floorMod(order.id().value() * 31 + line.id().value() * 17, 20);
				// every other line is reviewed: most residents do not bother
				if (Math.floorMod(line.id().value(), 2) == 1) {
					continue;
				}
				int stars = h == 0 ? 1 : h == 1 ? 2 : h < 4 ? 3 : h < 10 ? 4 : 5;
				boolean abusive = stars == 1 && !hiddenOne;
				String text = abusive ? ABUSIVE : stars >= 4 ? GOOD.get((int) (h % GOOD.size()))
						: stars == 3 ? MIDDLE.get((int) (h % MIDDLE.size())) : LOW.get((int) (h % LOW.size()));
				Integer leaderStars = h % 5 == 0 ? null : stars >= 3 ? (h % 3 == 0 ? 4 : 5) : 3;
				try {
					ReviewId id = reviews.post(resident, new NewReview(order.id(), line.id(), stars, leaderStars,
							text.isEmpty() ? null : text, List.of()));
					posted++;
					if (abusive) {
						reviews.hide(MODERATOR, id, "含辱骂和广告内容");
						hiddenOne = true;
					}
				}
				catch (BusinessRuleException e) {
					// reviewed already (a second seeding), or the line changed meanwhile
				}
			}
		}
		log.info("Demo city: {} review(s) of picked-up lines in region {}", posted, region.value());
		return posted;
	}
}
