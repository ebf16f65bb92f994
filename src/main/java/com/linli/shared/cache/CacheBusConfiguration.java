package com.linli.shared.cache;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's cache bus: always on, PostgreSQL is always there. */
@Configuration(proxyBeanMethods = false)
class CacheBusConfiguration {

	/** Static and lazy on the data source: it post-processes the beans that make the caches. */
	@Bean
	static CacheBus cacheBus(ObjectProvider<DataSource> dataSource) {
		return new CacheBus(new LazyDataSource(dataSource));
	}

	/** The data source, looked up when the bus first uses it (after every bean exists). */
	private static final class LazyDataSource extends org.springframework.jdbc.datasource.DelegatingDataSource {

		private final ObjectProvider<DataSource> provider;

		LazyDataSource(ObjectProvider<DataSource> provider) {
			this.provider = provider;
		}

		@Override
		public DataSource getTargetDataSource() {
			return provider.getObject();
		}

		@Override
		public void afterPropertiesSet() {
		}
	}
}
