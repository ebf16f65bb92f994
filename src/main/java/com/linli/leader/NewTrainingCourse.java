package com.linli.leader;

import java.util.List;

import com.linli.network.RegionId;

/** A course as an operator writes it (new or edited); the questions replace the quiz's. */
public record NewTrainingCourse(RegionId regionId, String title, TrainingCourse.Category category, String body,
		List<String> imageUrls, List<String> videoUrls, Integer pathPosition, Integer passMark,
		List<NewQuestion> questions) {

	/** A quiz question: two or more options, the indexes (from 0) of the correct ones, at least one. */
	public record NewQuestion(String text, List<String> options, List<Integer> correct) {
	}
}
