package com.linli.identity.internal.web;

import com.linli.identity.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user into every page's model as {@code me}. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	@ModelAttribute("me")
	CurrentUser me() {
		return CurrentUser.get().orElse(null);
	}
}
