/**
 * The demo city simulator: generates a deterministic city (regions, warehouses, communities with
 * pickup points and leaders, residents, a product catalog, tomorrow's listings) and loads it through
 * the other modules' public APIs. It may use every module, and no module uses it.
 */
@org.springframework.modulith.ApplicationModule
package com.linli.demo;
