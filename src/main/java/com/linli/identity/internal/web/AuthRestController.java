package com.linli.identity.internal.web;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import com.linli.identity.Account;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.identity.Role;
import com.linli.identity.internal.ApiTokens;
import com.linli.identity.internal.AuditLog;
import com.linli.identity.internal.LinliPrincipal;
import com.linli.identity.internal.SignInThrottle;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in for API clients: trade phone and password for a bearer token; residents register here too. */
@RestController
@Tag(name = "auth", description = "Sign-in, registration and the current account")
class AuthRestController {

	/** Longer than any phone number: refused as input (and audited) without a look-up. */
	private static final int MAX_PHONE_LENGTH = 20;

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final AccountManagement accounts;

	private final AuditLog audit;

	AuthRestController(AuthenticationManager authentication, ApiTokens tokens, AccountManagement accounts,
			AuditLog audit) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.accounts = accounts;
		this.audit = audit;
	}

	@PostMapping("/api/auth/token")
	@Operation(summary = "Sign in with phone and password; returns a bearer token",
			description = "401 code bad-credentials for a wrong password and an unknown phone alike; 429 code "
					+ "sign-in-throttled (header Retry-After, retryAfterSeconds) after repeated failures for the phone "
					+ "or from the address. passwordChangeRequired: choose a new password (POST /api/me/password) first.")
	TokenResponse token(@Valid @RequestBody SignIn request) {
		String phone = request.phone().trim();
		if (phone.length() > MAX_PHONE_LENGTH) {
			audit.signInRefused(phone);
			throw new InvalidInputException("phone", Text.of("identity.problem.phoneTooLong", MAX_PHONE_LENGTH));
		}
		var auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(phone, request.password()));
		var principal = (LinliPrincipal) auth.getPrincipal();
		var issued = tokens.issue(principal.id());
		var account = accounts.get(principal.toCurrentUser().id());
		return new TokenResponse(issued.token(), "Bearer", issued.expiresAt(), account.passwordChangeRequired(),
				AccountView.of(account));
	}

	@PostMapping("/api/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Choose a new password, giving the current one",
			description = "Ends every session and token of the account, this one too: sign in again with the new password.")
	void changePassword(@Valid @RequestBody PasswordChange request, Actor actor) {
		accounts.changePassword(CurrentUser.require().id(), request.currentPassword(), request.newPassword(), actor);
	}

	@PostMapping("/api/auth/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a resident account")
	AccountView register(@Valid @RequestBody Registration request) {
		return AccountView.of(accounts.registerResident(request.phone().trim(), request.displayName(), request.password()));
	}

	@PostMapping("/api/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke the bearer token of this request")
	void logout(@RequestHeader("Authorization") String authorization) {
		tokens.revoke(authorization.substring(Math.min(7, authorization.length())).trim());
	}

	@GetMapping("/api/me")
	@Operation(summary = "The signed-in account")
	AccountView me() {
		return AccountView.of(accounts.get(CurrentUser.require().id()));
	}

	@ExceptionHandler(SignInThrottle.Throttled.class)
	ResponseEntity<ProblemDetail> throttled(SignInThrottle.Throttled e) {
		long seconds = e.retryAfterSeconds();
		var p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				Text.of("identity.problem.signInThrottled", seconds).inReadersLanguage());
		p.setType(URI.create("https://linli.dev/problems/sign-in-throttled"));
		p.setTitle("Too many sign-in attempts");
		p.setProperty("code", "sign-in-throttled");
		p.setProperty("retryAfterSeconds", seconds);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(p);
	}

	@ExceptionHandler(DisabledException.class)
	ProblemDetail disabled() {
		var p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "account disabled");
		p.setTitle("Account disabled");
		p.setProperty("code", "account-disabled");
		return p;
	}

	@ExceptionHandler(BadCredentialsException.class)
	ProblemDetail badCredentials() {
		var p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, Text.of("identity.problem.badCredentials").inReadersLanguage());
		p.setTitle("Wrong credentials");
		p.setProperty("code", "bad-credentials");
		return p;
	}

	record SignIn(@NotBlank String phone, @NotBlank String password) {
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	record Registration(@NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be a mainland mobile number") String phone,
			@NotBlank @Size(max = 30) String displayName, @NotBlank @Size(min = 6) String password) {
	}

	record TokenResponse(String token, String tokenType, Instant expiresAt, boolean passwordChangeRequired,
			AccountView account) {
	}

	record AccountView(long id, String phone, String displayName, Set<Role> roles, Set<Long> regionIds, boolean enabled) {

		static AccountView of(Account a) {
			return new AccountView(a.id().value(), a.phone(), a.displayName(), a.roles(), a.regionIds(), a.enabled());
		}
	}
}
