package com.linli.marketing;

/** The occasions on the campaign calendar. */
public enum Festival {

	/** 春节 */
	SPRING_FESTIVAL,
	/** 618 */
	MID_YEAR_618,
	/** 中秋 */
	MID_AUTUMN,
	/** 国庆 */
	NATIONAL_DAY,
	/** 双11 */
	DOUBLE_ELEVEN,
	/** 双12 */
	DOUBLE_TWELVE,
	/** Any other occasion. */
	OTHER
}
