package com.linli.leader;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import com.linli.leader.internal.ServiceRecords;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaders' service figures from after-sales: the stars residents gave their service in reviews, and the
 * complaints about them with the satisfaction they closed with ({@link ServiceFigures}). Kept by
 * {@code ServiceListener} from aftersales' events for the leader who held the pickup point at the time.
 */
@Service
@Transactional(readOnly = true)
public class ServiceManagement {

	private final ServiceRecords records;

	private final Clock clock;

	ServiceManagement(ServiceRecords records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	public ServiceFigures figures(LeaderId leader) {
		return figures(java.util.List.of(leader)).get(leader);
	}

	/** The figures of these leaders, each (none recorded: {@link ServiceFigures#none}). */
	public Map<LeaderId, ServiceFigures> figures(Collection<LeaderId> leaders) {
		return records.figures(leaders, clock.instant().minus(Duration.ofDays(30)));
	}
}
