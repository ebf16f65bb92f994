package com.linli.identity.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Phone and password, checked only when the {@link SignInThrottle} lets the attempt through. Whether the
 * account is disabled is told only to someone who knows its password: a wrong password is a wrong
 * password, for a disabled account as for an unknown phone.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AccountDetailsService accounts, SignInThrottle throttle) {
		super(accounts);
		this.throttle = throttle;
		setPreAuthenticationChecks(user -> {
		});
		setPostAuthenticationChecks(user -> {
			if (!user.isEnabled()) {
				throw new DisabledException("account disabled");
			}
		});
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		throttle.check(String.valueOf(authentication.getPrincipal()), ClientAddress.current());
		Object password = authentication.getCredentials();
		if (password instanceof String s && s.getBytes(StandardCharsets.UTF_8).length > PasswordRules.MAX_BYTES) {
			// no password set here is longer; bcrypt would refuse to compare it
			throw new BadCredentialsException("Bad credentials");
		}
		return super.authenticate(authentication);
	}
}
