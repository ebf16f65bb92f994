package com.linli.fulfilment.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.internal.CutoffRuns;
import com.linli.fulfilment.internal.SortingLists;
import com.linli.fulfilment.internal.SortingLists.PickList;
import com.linli.fulfilment.internal.SortingLists.PointList;
import com.linli.fulfilment.internal.export.Heading;
import com.linli.fulfilment.internal.export.SortingListDocuments;
import com.linli.fulfilment.internal.export.SortingListWorkbooks;
import com.linli.network.RegionManagement;
import com.linli.identity.Actor;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import static com.linli.shared.export.Spreadsheets.XLSX;
import static com.linli.shared.export.Spreadsheets.file;

/**
 * What the console, the API and the leader's pages share about sorting lists: loading a completed
 * run's lists (404 for what the run does not have, 409 while it runs) and exporting them as files.
 */
@Component
class FulfilmentViews {

	private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final CutoffManagement cutoffs;

	private final CutoffRuns runs;

	private final SortingLists lists;

	private final RegionManagement network;

	private final SortingListWorkbooks workbooks;

	private final SortingListDocuments documents;

	private final MessageSource messages;

	private final Clock clock;

	FulfilmentViews(CutoffManagement cutoffs, CutoffRuns runs, SortingLists lists, RegionManagement network,
			SortingListWorkbooks workbooks, SortingListDocuments documents, MessageSource messages, Clock clock) {
		this.cutoffs = cutoffs;
		this.runs = runs;
		this.lists = lists;
		this.network = network;
		this.workbooks = workbooks;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	/** A run the caller may see, completed (its lists are only whole then). */
	CutoffRun completedRun(long runId, Actor actor) {
		CutoffRun run = cutoffs.get(new CutoffRunId(runId), actor);
		if (!run.isCompleted()) {
			throw new BusinessRuleException("cutoff-running", "runId",
					Text.of("fulfilment.problem.cutoffStillRunningItsSortingLists"));
		}
		return run;
	}

	/**
	 * The leader's sorting list: the completed run of their pickup point's region and the date, if any.
	 * No staff scope here: the caller has been checked to run the pickup point.
	 */
	Optional<PointList> leaderList(PickupPoint point, LocalDate pickupDate) {
		return runs.find(point.regionId(), pickupDate).filter(CutoffRun::isCompleted)
			.flatMap(run -> lists.pointList(run.id(), point.id().value()));
	}

	/** The run of a leader's region and date, for its status. */
	Optional<CutoffRun> runFor(PickupPoint point, LocalDate pickupDate) {
		return runs.find(point.regionId(), pickupDate);
	}

	PickList pickList(CutoffRun run, long gridWarehouseId) {
		return lists.pickList(run.id(), gridWarehouseId)
			.orElseThrow(() -> new NotFoundException("grid warehouse of cutoff run " + run.id(), gridWarehouseId));
	}

	PointList pointList(CutoffRun run, long pickupPointId) {
		return lists.pointList(run.id(), pickupPointId)
			.orElseThrow(() -> new NotFoundException("pickup point of cutoff run " + run.id(), pickupPointId));
	}

	Region regionOf(PickupPoint point) {
		return network.getRegion(point.regionId());
	}

	Region region(CutoffRun run) {
		return network.getRegion(run.regionId());
	}

	ResponseEntity<byte[]> pickListFile(CutoffRun run, PickList list, String format) {
		Heading heading = heading(run, text("title.pickList", list.grid().name()));
		String name = text("file.pickList", run.pickupDate(), list.grid().name());
		return "pdf".equals(format) ? file(documents.pickList(heading, list), name + ".pdf", MediaType.APPLICATION_PDF)
				: file(workbooks.pickList(heading, list), name + ".xlsx", XLSX);
	}

	ResponseEntity<byte[]> pointListFile(CutoffRun run, PointList list, String format) {
		Heading heading = heading(run, text("title.pointList", list.point().name()),
				text("facts.point", list.point().communityName(), list.point().address(),
						list.point().gridWarehouseName(), list.orders().size(), list.point().units()));
		String name = text("file.pointList", run.pickupDate(), list.point().name());
		return "pdf".equals(format) ? file(documents.pointList(heading, list), name + ".pdf", MediaType.APPLICATION_PDF)
				: file(workbooks.pointList(heading, list), name + ".xlsx", XLSX);
	}

	ResponseEntity<byte[]> demandFile(CutoffRun run, Actor actor) {
		Heading heading = heading(run, text("title.demand", region(run).name(), run.pickupDate()));
		return file(workbooks.demand(heading, cutoffs.demand(run.id(), actor)),
				text("file.demand", run.pickupDate(), region(run).name()) + ".xlsx", XLSX);
	}

	private Heading heading(CutoffRun run, String title, String... more) {
		Region region = region(run);
		String facts = text("facts", region.name(), run.pickupDate(), run.id(),
				PRINTED.format(clock.instant().atZone(region.zone())));
		for (String m : more) {
			facts = facts + " · " + m;
		}
		return new Heading(title, facts, messages, locale());
	}

	private String text(String key, Object... args) {
		return messages.getMessage("fulfilment.export." + key, args, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** Today in the region's zone: the pickup date a leader's pages open on. */
	LocalDate today(Region region) {
		return LocalDate.now(clock.withZone(region.zone()));
	}
}
