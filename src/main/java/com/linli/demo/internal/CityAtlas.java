package com.linli.demo.internal;

import java.time.ZoneId;
import java.util.List;

/**
 * Real geography for the demo: the cities the simulator can build, their districts (with a centre,
 * a spread and real street names), where the warehouses stand and which water to keep communities out
 * of. Coordinates are WGS84, good to a few hundred metres.
 */
public final class CityAtlas {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** Communities, pickup points and grid warehouses stay within this distance of the city centre. */
	public static final double CITY_RADIUS_KM = 15.0;

	private CityAtlas() {
	}

	public static final City HANGZHOU = new City("杭州市", "HZ", SHANGHAI, 30.270, 120.160,
			List.of(new District("西湖区", 30.284, 120.122, 1.6, 5,
					List.of("文三路", "文二路", "学院路", "古墩路", "天目山路", "教工路", "西溪路", "丰潭路", "保俶北路", "紫金港路")),
					new District("拱墅区", 30.318, 120.150, 1.6, 5,
							List.of("莫干山路", "湖墅南路", "大关路", "上塘路", "台州路", "登云路", "丽水路", "小河路", "沈半路", "通益路")),
					new District("上城区", 30.258, 120.186, 1.3, 4,
							List.of("解放路", "望江路", "秋涛路", "江城路", "庆春东路", "清泰街", "近江路", "钱江路", "景芳路", "新塘路")),
					new District("滨江区", 30.203, 120.205, 1.3, 4,
							List.of("江南大道", "滨盛路", "长河路", "江虹路", "浦沿路", "西兴路", "闻涛路", "滨文路", "信诚路", "火炬大道")),
					new District("余杭区", 30.293, 120.040, 1.5, 3,
							List.of("文一西路", "五常大道", "良睦路", "荆长大道", "龙舟路", "余杭塘路", "高教路", "联胜路", "五常港路")),
					new District("萧山区", 30.190, 120.255, 1.3, 3,
							List.of("市心路", "金城路", "人民路", "北干路", "育才路", "山阴路", "通惠路", "建设一路", "博学路")),
					// 西湖区 again: its southern part by the river (之江, 转塘) is a cluster of its own
					new District("西湖区", 30.178, 120.112, 1.0, 2, List.of("之江路", "留和路", "枫桦西路", "双流路", "转塘直街"))),
			new Site("杭州中心仓（勾庄）", "余杭区", "良运街 99 号", 30.378, 120.108),
			List.of(new Site("城西网格仓（五常）", "余杭区", "五常大道 181 号", 30.290, 120.062),
					new Site("城北网格仓（石祥路）", "拱墅区", "石祥路 358 号", 30.322, 120.182),
					new Site("滨江网格仓（长河）", "滨江区", "东信大道 66 号", 30.198, 120.228),
					new Site("之江网格仓（转塘）", "西湖区", "双流路 58 号", 30.178, 120.102)),
			List.of(new Water(30.245, 120.142, 1.7), new Water(30.268, 120.068, 1.6), new Water(30.226, 120.196, 0.9)),
			List.of("西溪", "钱江", "运河", "湖畔", "之江", "武林", "三墩", "德胜", "文晖", "湖墅", "大关", "景芳", "采荷", "华家", "长庆",
					"花港", "云栖", "新塘", "闸弄口", "古荡", "双浦", "东新"));

	public static final City SUZHOU = new City("苏州市", "SZ", SHANGHAI, 31.300, 120.620,
			List.of(new District("姑苏区", 31.315, 120.615, 1.3, 4,
					List.of("人民路", "干将西路", "十全街", "三香路", "道前街", "东环路", "白塔东路", "南门路")),
					new District("苏州工业园区", 31.318, 120.728, 1.7, 5,
							List.of("星湖街", "现代大道", "苏州大道东", "金鸡湖大道", "星海街", "南施街", "东沙湖路", "钟园路")),
					new District("吴中区", 31.258, 120.628, 1.4, 3,
							List.of("东吴北路", "宝带西路", "吴中大道", "越溪路", "友新路", "迎春南路", "塔韵路")),
					new District("相城区", 31.372, 120.638, 1.5, 3,
							List.of("相城大道", "华元路", "采莲路", "嘉元路", "阳澄湖西路", "人民路北段", "齐门北大街")),
					new District("虎丘区", 31.300, 120.548, 1.4, 3,
							List.of("长江路", "狮山路", "竹园路", "金山路", "何山路", "玉山路", "滨河路")),
					new District("吴江区", 31.190, 120.642, 1.2, 2,
							List.of("中山北路", "鲈乡北路", "开平路", "流虹路", "笠泽路", "仲英大道"))),
			new Site("苏州中心仓（黄埭）", "相城区", "春兴路 58 号", 31.418, 120.572),
			List.of(new Site("浒关网格仓", "虎丘区", "浒杨路 71 号", 31.358, 120.535),
					new Site("唯亭网格仓", "苏州工业园区", "春辉路 9 号", 31.340, 120.742),
					new Site("郭巷网格仓", "吴中区", "尹中南路 888 号", 31.255, 120.683),
					new Site("木渎网格仓", "吴中区", "金枫南路 1000 号", 31.262, 120.525)),
			List.of(new Water(31.313, 120.683, 1.6), new Water(31.266, 120.712, 1.4), new Water(31.363, 120.728, 1.2)),
			List.of("金鸡湖", "姑苏", "枫桥", "沧浪", "苏绣", "虎丘", "平江", "胥江", "狮山", "斜塘", "娄葑", "葑门", "盘门", "东港", "湖东",
					"星港", "玲珑", "彩香", "三香", "桐泾"));

	/** The cities in the order the simulator uses them: region 1 is Hangzhou, region 2 Suzhou. */
	public static final List<City> CITIES = List.of(HANGZHOU, SUZHOU);

	/**
	 * A city and what the simulator needs to know of it; {@code weight}s of districts share out
	 * communities, {@code localNameParts} are place names only this city's communities carry.
	 */
	public record City(String name, String code, ZoneId zone, double latitude, double longitude,
			List<District> districts, Site centralWarehouse, List<Site> gridWarehouses, List<Water> water,
			List<String> localNameParts) {

		public boolean onWater(double lat, double lng) {
			return water.stream().anyMatch(w -> Geo.km(lat, lng, w.latitude(), w.longitude()) < w.radiusKm());
		}
	}

	/** {@code spreadKm}: standard deviation of community positions around the district centre. */
	public record District(String name, double latitude, double longitude, double spreadKm, int weight,
			List<String> streets) {
	}

	public record Site(String name, String district, String address, double latitude, double longitude) {
	}

	/** A lake or river bend, as a circle: nobody lives on it. */
	public record Water(double latitude, double longitude, double radiusKm) {
	}
}
