package com.linli.supply.internal;

import com.linli.supply.QualificationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every day shortly after midnight (platform zone), raises alerts for licences that expired or expire soon. */
@Component
class QualificationSchedule {

	private static final Logger log = LoggerFactory.getLogger(QualificationSchedule.class);

	private final QualificationManagement suppliers;

	QualificationSchedule(QualificationManagement suppliers) {
		this.suppliers = suppliers;
	}

	@Scheduled(cron = "${linli.supply.qualification-check:0 5 0 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void check() {
		int raised = suppliers.checkQualifications();
		if (raised > 0) {
			log.info("{} new supplier licence alert(s)", raised);
		}
	}
}
