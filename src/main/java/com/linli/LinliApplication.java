package com.linli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Linli (邻里): community group-buying, from listing to pickup, in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LinliApplication {

	public static void main(String[] args) {
		SpringApplication.run(LinliApplication.class, args);
	}
}
