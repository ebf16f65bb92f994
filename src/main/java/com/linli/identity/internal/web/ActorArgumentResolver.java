package com.linli.identity.internal.web;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.identity.LeaderPickupPoints;
import com.linli.identity.Role;
import com.linli.identity.VerifierPickupPoints;
import com.linli.shared.ActedBy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves a controller method's {@link Actor} parameter from the signed-in user of the request (with the
 * pickup point a leader runs); an anonymous caller is refused. Controllers pass the actor on to use cases.
 * An {@link ActedBy} parameter is resolved the same way (the actor's {@link Actor#actedBy()}), for modules
 * that may not depend on identity but record who made a change (catalog).
 */
@Configuration(proxyBeanMethods = false)
class ActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private final ObjectProvider<LeaderPickupPoints> pickupPoints;

	private final ObjectProvider<VerifierPickupPoints> verifierPoints;

	ActorArgumentResolver(ObjectProvider<LeaderPickupPoints> pickupPoints,
			ObjectProvider<VerifierPickupPoints> verifierPoints) {
		this.pickupPoints = pickupPoints;
		this.verifierPoints = verifierPoints;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Actor.class || parameter.getParameterType() == ActedBy.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("sign-in required"));
		if (parameter.getParameterType() == ActedBy.class) {
			return Actor.of(user, null).actedBy();
		}
		Long point = null;
		if (user.hasRole(Role.LEADER)) {
			var lookup = pickupPoints.getIfAvailable();
			point = lookup == null ? null : lookup.pickupPointKeptBy(user.id()).orElse(null);
		}
		if (point == null && user.hasRole(Role.VERIFIER)) {
			var lookup = verifierPoints.getIfAvailable();
			point = lookup == null ? null : lookup.pickupPointVerifiedBy(user.id()).orElse(null);
		}
		return Actor.of(user, point);
	}
}
