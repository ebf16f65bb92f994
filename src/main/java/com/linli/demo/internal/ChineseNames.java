package com.linli.demo.internal;

import java.util.List;
import java.util.Random;

/**
 * Parts of real-looking Chinese names: people (surname × given name, weighted towards the common
 * surnames of Zhejiang and Jiangsu), housing communities and pickup points.
 */
public final class ChineseNames {

	private ChineseNames() {
	}

	/** Common surnames, most frequent first; {@link #person} picks early ones more often. */
	static final List<String> SURNAMES = List.of("陈", "王", "张", "李", "徐", "周", "吴", "金", "沈", "朱", "杨", "钱", "胡",
			"孙", "蒋", "刘", "黄", "俞", "楼", "方", "郑", "林", "何", "叶", "赵", "姚", "许", "顾", "潘", "陆", "马", "汪", "章",
			"丁", "施", "蔡", "程", "高", "范", "罗", "唐", "邵", "宋", "袁", "冯", "韩", "卢", "余", "傅", "曹", "谢", "盛", "应",
			"戴", "夏", "吕", "毛", "童", "严", "任", "郭", "梁", "魏", "孔", "江");

	static final List<String> GIVEN_TWO = List.of("建华", "丽华", "志强", "建国", "美玲", "海燕", "晓东", "秀英", "桂英", "国平",
			"卫东", "晓燕", "丽萍", "建军", "雪芳", "伟民", "慧敏", "佳怡", "欣怡", "子涵", "梓萱", "一诺", "思远", "浩然", "宇轩",
			"雨桐", "俊杰", "文博", "晨曦", "梦婷", "佳琪", "家豪", "晓峰", "春燕", "玉兰", "国强", "明辉", "志刚", "秀兰", "金凤",
			"立新", "红梅", "振华", "丽君", "亚萍", "建平", "永康", "海波", "剑锋", "雅琴", "婉清", "静怡", "诗涵", "天佑", "嘉禾",
			"泽宇", "若曦", "可欣", "昊天", "晓丽", "云峰", "雪梅", "敏华", "利民", "文静", "瑞祥", "小红", "爱华", "素芬", "美华");

	static final List<String> GIVEN_ONE = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰",
			"娟", "涛", "明", "超", "霞", "平", "刚", "浩", "宇", "婷", "雪", "晨", "佳", "琳", "慧", "颖", "萍", "红", "玲", "亮",
			"斌", "鹏", "辉", "俊", "晶", "倩", "悦", "欣", "瑶", "蕾", "健", "峰", "燕", "凯", "航");

	/** First part of a community name, found in any city; each city adds its own place names. */
	static final List<String> COMMUNITY_PREFIXES = List.of("翠苑", "文鼎", "金色", "阳光", "锦绣", "紫金", "丽水", "桂花", "东方",
			"望江", "绿城", "春江", "香樟", "嘉禾", "和睦", "明月", "碧水", "蓝天", "朝晖", "新港", "星洲", "枫林", "海棠", "清水",
			"南都", "美林", "万科", "融创", "九龙", "御景", "凤凰", "天都", "世纪", "金地", "桃源", "江南", "嘉绿", "彩虹", "翡翠",
			"银杏", "玉兰", "和平", "幸福", "康乐", "新华", "青枫");

	static final List<String> COMMUNITY_SUFFIXES = List.of("花园", "家园", "小区", "苑", "公寓", "一区", "二区", "三区", "新村",
			"雅苑", "华庭", "名邸", "府", "城", "嘉园", "北苑", "南苑", "东区", "西区", "新城", "里", "佳苑", "水岸", "公馆");

	static final List<String> PICKUP_KINDS = List.of("便利店自提点", "生鲜店自提点", "水果店自提点", "快递驿站自提点", "物业服务中心自提点",
			"社区超市自提点", "便利店自提点", "生鲜店自提点");

	static final List<String> PICKUP_SPOTS = List.of("南门底商", "北门底商", "1 号楼底商", "3 幢 101", "物业服务中心一楼", "东门沿街商铺",
			"2 幢架空层", "西门菜鸟驿站旁", "会所一楼", "5 幢底商");

	/** A person's name, such as 陈丽华 or 王磊. */
	public static String person(Random random) {
		// squaring skews towards the front of the list: common surnames are common
		double r = random.nextDouble();
		String surname = SURNAMES.get((int) (r * r * SURNAMES.size()));
		boolean two = random.nextInt(100) < 70;
		String given = two ? GIVEN_TWO.get(random.nextInt(GIVEN_TWO.size()))
				: GIVEN_ONE.get(random.nextInt(GIVEN_ONE.size()));
		return surname + given;
	}

	/**
	 * A community name such as 翠苑一区, 采荷新村 or 西溪阳光家园, from the common parts and the city's
	 * own place names; uniqueness is the caller's concern.
	 */
	public static String community(Random random, List<String> localParts) {
		String suffix = COMMUNITY_SUFFIXES.get(random.nextInt(COMMUNITY_SUFFIXES.size()));
		String common = COMMUNITY_PREFIXES.get(random.nextInt(COMMUNITY_PREFIXES.size()));
		if (localParts.isEmpty()) {
			return common + suffix;
		}
		String local = localParts.get(random.nextInt(localParts.size()));
		int kind = random.nextInt(20);
		if (kind < 3) {
			return local + common + suffix;
		}
		return (kind < 10 ? local : common) + suffix;
	}

	/** A pickup point named after its community and the shop that hosts it: 翠苑一区 · 便利店自提点. */
	public static String pickupPoint(Random random, String community) {
		return community + " · " + PICKUP_KINDS.get(random.nextInt(PICKUP_KINDS.size()));
	}

	/** Where in the community the pickup point is: 南门底商, 3 幢 101 ... */
	public static String pickupSpot(Random random) {
		return PICKUP_SPOTS.get(random.nextInt(PICKUP_SPOTS.size()));
	}
}
