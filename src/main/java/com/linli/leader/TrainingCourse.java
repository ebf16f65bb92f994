package com.linli.leader;

import java.util.List;

import com.linli.network.RegionId;

/**
 * A training course (培训课程) of a region: text, image URLs and video links, a quiz with a pass mark (in
 * per cent of the questions answered right); {@code pathPosition} places it in the region's basic path
 * for new leaders (null: elective).
 */
public record TrainingCourse(long id, RegionId regionId, String title, Category category, String body,
		List<String> imageUrls, List<String> videoUrls, Integer pathPosition, int passMark, List<Question> questions,
		int version) {

	/** What a course teaches. */
	public enum Category {
		/** Platform operation: the leader app, pickups, receipts. */
		PLATFORM,
		/** Product knowledge. */
		PRODUCT,
		/** Marketing: sharing, the community chat. */
		MARKETING,
		/** Customer service: after-sales, complaints. */
		SERVICE
	}

	/** A quiz question: its options and the indexes (from 0) of the correct ones. */
	public record Question(long id, String text, List<String> options, List<Integer> correct) {
	}

	public boolean inPath() {
		return pathPosition != null;
	}
}
