/**
 * Open module for what every module speaks: {@link com.linli.shared.Money}, the injectable clock,
 * problem details for errors, and the embedded PostgreSQL with per-module migrations.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.linli.shared;
