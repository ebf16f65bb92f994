/** Metrics and dashboards over every module's API and events; for now the console home page. */
@org.springframework.modulith.ApplicationModule
package com.linli.analytics;
