package com.linli.leader;

import java.util.List;

/** A leader's answer to one quiz question: the indexes (from 0) of the options they chose. */
public record QuizAnswer(Long questionId, List<Integer> chosen) {
}
