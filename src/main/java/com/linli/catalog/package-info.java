/** Categories, products (SPU) and their SKUs with spec, unit, storage temperature and shelf life; search. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package com.linli.catalog;
