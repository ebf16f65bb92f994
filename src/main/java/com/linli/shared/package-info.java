/**
 * Open module for what every module speaks: {@link com.linli.shared.Money}, the injectable clock,
 * problem details for errors, the embedded PostgreSQL with per-module migrations, and the Excel exports'
 * common parts ({@link com.linli.shared.export.Spreadsheets}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.linli.shared;
