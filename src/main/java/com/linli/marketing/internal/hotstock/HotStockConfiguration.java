package com.linli.marketing.internal.hotstock;

import java.time.Clock;

import javax.sql.DataSource;

import com.linli.marketing.internal.flash.FlashSales;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code linli.hot-stock=database} (the default): the database alone, no Redis client started.
 * {@code linli.hot-stock=redis}: Redis at {@code spring.data.redis.host}/{@code port} in front of it.
 */
@Configuration(proxyBeanMethods = false)
class HotStockConfiguration {

	@Bean
	@ConditionalOnProperty(name = "linli.hot-stock", havingValue = "database", matchIfMissing = true)
	HotStock databaseHotStock() {
		return new HotStock.Database();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "linli.hot-stock", havingValue = "redis")
	RedisHotStock redisHotStock(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
			FlashSales sales, Clock clock, @Value("${spring.data.redis.host:localhost}") String host,
			@Value("${spring.data.redis.port:6379}") int port) {
		return new RedisHotStock(jdbc, dataSource, transactions, sales, clock, host, port);
	}
}
