package com.linli.aftersales;

/** A category of the help centre, in its order, with how many active questions it holds. */
public record FaqCategory(long id, String name, int sort, int activeQuestions) {
}
