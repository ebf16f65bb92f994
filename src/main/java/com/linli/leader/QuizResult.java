package com.linli.leader;

import java.util.List;

/**
 * An attempt's result, checked on the server: the score in per cent, passed or not (against the course's
 * pass mark), the questions answered wrong, the attempts so far, and whether the leader has now passed the
 * whole basic path of their region (which opens a pickup point held for training).
 */
public record QuizResult(long courseId, int score, int passMark, boolean passed, List<Long> wrongQuestionIds,
		int attempts, boolean pathPassed) {
}
