package com.linli.identity.internal;

import java.util.Set;

import com.linli.identity.AccountManagement;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A new platform has one platform admin to start with (phone and password configurable). */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final String phone;

	private final String password;

	AdminBootstrap(AccountManagement accounts, JdbcClient jdbc, @Value("${linli.admin.phone:13800000000}") String phone,
			@Value("${linli.admin.password:linli-admin}") String password) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.phone = phone;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean any = jdbc.sql("select exists(select 1 from identity.account_role where role = 'PLATFORM_ADMIN')")
			.query(Boolean.class).single();
		if (!any) {
			accounts.create(new NewAccount(phone, "平台管理员", password, Set.of(Role.PLATFORM_ADMIN), Set.of()));
			log.info("Created the platform admin account {}", phone);
		}
	}
}
