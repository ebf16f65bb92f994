package com.linli.identity.internal;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.linli.identity.AccountManagement;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A new platform has one platform admin to start with: phone {@code linli.admin.phone}, password
 * {@code linli.admin.initial-password}. Unset (the default), a random password is generated and printed
 * once, on this first start. Unless {@code linli.admin.must-change-password=false}, the admin must choose
 * their own password at first sign-in.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	/** No look-alike characters (0/O, 1/l/I): the password is read off a console. */
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final String phone;

	private final String initialPassword;

	private final boolean mustChange;

	private final DataSource dataSource;

	AdminBootstrap(AccountManagement accounts, JdbcClient jdbc, DataSource dataSource, @Value("${linli.admin.phone:13800000000}") String phone,
			@Value("${linli.admin.initial-password:}") String initialPassword,
			@Value("${linli.admin.must-change-password:true}") boolean mustChange) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.phone = phone;
		this.initialPassword = initialPassword;
		this.mustChange = mustChange;
	}

	@Override
	public void run(ApplicationArguments args) {
		// nodes started together on a new database: one opens the admin account, the others find the lock taken
		var lock = JobLock.tryAcquire(dataSource, "admin-bootstrap");
		if (lock.isEmpty()) {
			log.info("Another node is opening the platform admin account");
			return;
		}
		try (var held = lock.get()) {
			bootstrap();
		}
	}

	private void bootstrap() {
		boolean any = jdbc.sql("select exists(select 1 from identity.account_role where role = 'PLATFORM_ADMIN')")
			.query(Boolean.class).single();
		if (!any) {
			var generated = createAdmin(phone, initialPassword, mustChange);
			String rule = "=".repeat(80);
			if (generated.isPresent()) {
				log.info("\n{}\n平台管理员 Platform admin {}: 初始密码 generated password {} (printed once{})\n{}", rule, phone,
						generated.get(), mustChange ? "; choose your own at first sign-in" : "", rule);
			}
			else {
				log.info("Created the platform admin account {} (password: linli.admin.initial-password)", phone);
			}
		}
	}

	/**
	 * Opens a platform admin account; without a configured password it gets a generated one, returned here.
	 * {@code mustChange}: the admin chooses their own password before anything else.
	 */
	Optional<String> createAdmin(String phone, String configuredPassword, boolean mustChange) {
		boolean generate = configuredPassword == null || configuredPassword.isBlank();
		String password = generate ? generate() : configuredPassword;
		var admin = accounts.create(new NewAccount(phone, "平台管理员", password, Set.of(Role.PLATFORM_ADMIN), Set.of()));
		if (mustChange) {
			accounts.requirePasswordChange(admin.id());
		}
		return generate ? Optional.of(password) : Optional.empty();
	}

	private static String generate() {
		var password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
