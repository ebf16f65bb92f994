package com.linli.shared.db;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * One Flyway history per module: module {@code x} keeps its migrations in {@code db/migration/x}
 * and its tables in schema {@code x}. They run as soon as the DataSource exists, before any bean
 * can touch a table. The order follows the module dependencies of DESIGN.md.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

	static final List<String> MODULES = List.of("identity", "network", "leader", "catalog", "supply", "inventory",
			"marketing", "ordering", "payment", "fulfilment", "logistics", "aftersales", "notification", "analytics", "risk",
			"demo");

	@Bean
	static BeanPostProcessor moduleMigrator(Environment env) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
					migrate(dataSource, env.getProperty("linli.db.migrate", Boolean.class, true));
				}
				return bean;
			}
		};
	}

	static void migrate(DataSource dataSource, boolean enabled) {
		if (!enabled) {
			return;
		}
		Logger log = LoggerFactory.getLogger(ModuleMigrations.class);
		for (String module : MODULES) {
			var flyway = Flyway.configure()
				.dataSource(dataSource)
				.schemas(module)
				.createSchemas(true)
				.locations("classpath:db/migration/" + module)
				.failOnMissingLocations(false)
				.load();
			if (flyway.info().all().length == 0) {
				continue;
			}
			var result = flyway.migrate();
			if (result.migrationsExecuted > 0) {
				log.info("Module {}: {} migration(s) applied", module, result.migrationsExecuted);
			}
		}
	}
}
