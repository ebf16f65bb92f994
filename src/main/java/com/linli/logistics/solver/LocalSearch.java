package com.linli.logistics.solver;

import java.util.Arrays;

/**
 * The local search of the hybrid genetic search: RELOCATE of one or two customers (the pair also
 * reversed), SWAP 1-1, 2-1 and 2-2, 2-OPT, 2-OPT* (both variants) between each customer and its granular
 * neighbours, then SWAP* between routes whose polar sectors overlap; first improvement, until no move
 * improves. Routes are doubly linked lists of nodes allocated once; a move is evaluated from cached
 * route data (loads, cumulated loads and, with time windows, each node's prefix and suffix time-window
 * segments) without allocation. With a fleet whose types cost differently, {@code d} is the cheapest
 * type's arc cost and each route's penalty carries what its own type costs beyond it.
 */
final class LocalSearch {

	private static final double EPSILON = 1e-5;

	static final class Node {

		final boolean isDepot;

		final int cour;

		int position;

		int whenLastTestedRI;

		Node next;

		Node prev;

		Route route;

		double cumulatedLoad;

		double cumulatedReversalDistance;

		double deltaRemoval;

		/** Time-window data of the route from its depot to this node, and from this node back to the depot. */
		final TimeWindowSegment prefix = new TimeWindowSegment();

		final TimeWindowSegment suffix = new TimeWindowSegment();

		Node(boolean isDepot, int cour) {
			this.isDepot = isDepot;
			this.cour = cour;
		}
	}

	static final class Route {

		final int cour;

		final Node depot;

		final Node depotEnd;

		int nbCustomers;

		int whenLastModified;

		int whenLastTestedSwapStar;

		double distance;

		double load;

		double reversalDistance;

		/** Load and time-warp penalty together. */
		double penalty;

		double loadPenalty;

		double twPenalty;

		double timeWarp;

		double polarAngleBarycenter;

		final CircleSector sector = new CircleSector();

		Route(int cour) {
			this.cour = cour;
			this.depot = new Node(true, 0);
			this.depotEnd = new Node(true, 0);
			depot.route = this;
			depotEnd.route = this;
		}
	}

	private final SearchContext context;

	private final double[][] d;

	private final int n;

	private final Node[] clients;

	private final Route[] routes;

	private final int[] orderNodes;

	private final int[] orderRoutes;

	private final int[] bufferA;

	private final int[] bufferB;

	private final int[] bufferC;

	private final int[] bufferD;

	private final boolean timeWindows;

	private final boolean fleet;

	private double penaltyTimeWarp;

	/** Each node's own time-window segment (the depot's at 0) and scratch segments for move evaluations. */
	private final TimeWindowSegment[] single;

	private final TimeWindowSegment scratchA = new TimeWindowSegment();

	private final TimeWindowSegment scratchB = new TimeWindowSegment();

	/** Time windows without a fleet: inter-route moves are evaluated from cached segments before they are applied. */
	private final boolean segments;

	// SWAP* preprocessing: the three cheapest insertion places of each customer in each route.
	private final int[] insertWhen;

	private final double[] insertCost;

	private final Node[] insertPlace;

	private double penalty;

	private int nbMoves;

	private boolean searchCompleted;

	private int loopID;

	// The move under evaluation.
	private Node nodeU;

	private Node nodeX;

	private Node nodeV;

	private Node nodeY;

	private Route routeU;

	private Route routeV;

	private int nodeUPrevIndex;

	private int nodeUIndex;

	private int nodeXIndex;

	private int nodeXNextIndex;

	private int nodeVPrevIndex;

	private int nodeVIndex;

	private int nodeYIndex;

	private int nodeYNextIndex;

	private double loadU;

	private double loadX;

	private double loadV;

	private double loadY;

	private boolean intraRoute;

	LocalSearch(SearchContext context) {
		this.context = context;
		this.d = context.dist;
		this.n = context.n;
		clients = new Node[n + 1];
		for (int i = 1; i <= n; i++) {
			clients[i] = new Node(false, i);
		}
		routes = new Route[context.routeSlots];
		for (int r = 0; r < routes.length; r++) {
			routes[r] = new Route(r);
		}
		orderNodes = new int[n];
		for (int i = 0; i < n; i++) {
			orderNodes[i] = i + 1;
		}
		orderRoutes = new int[routes.length];
		for (int r = 0; r < routes.length; r++) {
			orderRoutes[r] = r;
		}
		bufferA = new int[n + 2];
		bufferB = new int[n + 2];
		bufferC = new int[n + 2];
		bufferD = new int[n + 2];
		timeWindows = context.timeWindows;
		fleet = context.fleet;
		segments = timeWindows && !fleet;
		single = new TimeWindowSegment[n + 1];
		if (timeWindows) {
			for (int i = 0; i <= n; i++) {
				single[i] = TimeWindowSegment.visit(i, context.ready[i], context.due[i], i == 0 ? 0 : context.service[i]);
			}
		}
		insertWhen = new int[routes.length * (n + 1)];
		insertCost = new double[routes.length * (n + 1) * 3];
		insertPlace = new Node[routes.length * (n + 1) * 3];
	}

	/** Improves the individual in place with the given penalties, then re-evaluates it. */
	void run(Individual individual, double penaltyCapacity, double penaltyTimeWarp) {
		this.penalty = penaltyCapacity;
		this.penaltyTimeWarp = penaltyTimeWarp;
		load(individual);
		context.shuffle(orderNodes);
		context.shuffle(orderRoutes);
		for (int i = 1; i <= n; i++) {
			if (context.random.nextInt(20) == 0) {
				context.shuffle(context.neighbours[i]);
			}
		}
		searchCompleted = false;
		for (loopID = 0; !searchCompleted; loopID++) {
			if (loopID > 1) {
				searchCompleted = true;
			}
			for (int posU = 0; posU < n; posU++) {
				nodeU = clients[orderNodes[posU]];
				int lastTestRINodeU = nodeU.whenLastTestedRI;
				nodeU.whenLastTestedRI = nbMoves;
				for (int v : context.neighbours[nodeU.cour]) {
					nodeV = clients[v];
					if (loopID == 0 || Math.max(nodeU.route.whenLastModified, nodeV.route.whenLastModified) > lastTestRINodeU) {
						setLocalVariablesRouteU();
						setLocalVariablesRouteV();
						if (move1() || move2() || move3()) {
							continue;
						}
						if (nodeUIndex <= nodeVIndex && move4()) {
							continue;
						}
						if (move5()) {
							continue;
						}
						if (nodeUIndex <= nodeVIndex && move6()) {
							continue;
						}
						if (intraRoute && move7()) {
							continue;
						}
						if (!intraRoute && (move8() || move9())) {
							continue;
						}
						// The same moves with U placed right after the depot of V's route.
						if (nodeV.prev.isDepot) {
							nodeV = nodeV.prev;
							setLocalVariablesRouteV();
							if (move1() || move2() || move3()) {
								continue;
							}
							if (!intraRoute && (move8() || move9())) {
								continue;
							}
						}
					}
				}
				// Moves into an empty route, not in the first loop (keeps the fleet from growing needlessly).
				if (loopID > 0) {
					Route empty = firstEmptyRoute();
					if (empty != null) {
						setLocalVariablesRouteU();
						nodeV = empty.depot;
						setLocalVariablesRouteV();
						if (!(move1() || move2() || move3())) {
							move9();
						}
					}
				}
			}
			for (int rU = 0; rU < routes.length; rU++) {
				routeU = routes[orderRoutes[rU]];
				int lastTestSwapStarRouteU = routeU.whenLastTestedSwapStar;
				routeU.whenLastTestedSwapStar = nbMoves;
				for (int rV = 0; rV < routes.length; rV++) {
					routeV = routes[orderRoutes[rV]];
					if (routeU.nbCustomers > 0 && routeV.nbCustomers > 0 && routeU.cour < routeV.cour
							&& (loopID == 0 || Math.max(routeU.whenLastModified, routeV.whenLastModified) > lastTestSwapStarRouteU)
							&& CircleSector.overlap(routeU.sector, routeV.sector)) {
						swapStar();
					}
				}
			}
		}
		export(individual);
	}

	private Route firstEmptyRoute() {
		for (Route route : routes) {
			if (route.nbCustomers == 0) {
				return route;
			}
		}
		return null;
	}

	private double penaltyExcessLoad(double load) {
		return Math.max(0, load - context.capacity) * penalty;
	}

	private void setLocalVariablesRouteU() {
		routeU = nodeU.route;
		nodeX = nodeU.next;
		nodeXNextIndex = nodeX.next.cour;
		nodeUPrevIndex = nodeU.prev.cour;
		nodeUIndex = nodeU.cour;
		nodeXIndex = nodeX.cour;
		loadU = context.demand[nodeUIndex];
		loadX = context.demand[nodeXIndex];
	}

	private void setLocalVariablesRouteV() {
		routeV = nodeV.route;
		nodeY = nodeV.next;
		nodeYNextIndex = nodeY.next.cour;
		nodeVPrevIndex = nodeV.isDepot ? 0 : nodeV.prev.cour;
		nodeVIndex = nodeV.cour;
		nodeYIndex = nodeY.cour;
		loadV = context.demand[nodeVIndex];
		loadY = context.demand[nodeYIndex];
		intraRoute = routeU == routeV;
	}

	/** Whether a move's cost so far may still improve: below 0, or within a route, below its time-warp penalty. */
	private boolean promising(double cost) {
		return timeWindows && intraRoute ? cost < routeU.twPenalty - EPSILON : cost < -EPSILON;
	}

	/**
	 * With time windows, adds the time-warp penalty of the routes as the move left them and answers
	 * whether the move must be undone; otherwise, or when it improves, records it as applied.
	 */
	private boolean rejectedByTimeWarp(String move, double cost) {
		if (fleet) {
			cost += intraRoute ? penaltyNow(routeU) - routeU.penalty : penaltyNow(routeU) + penaltyNow(routeV);
			if (cost > -EPSILON) {
				return true;
			}
		}
		else if (timeWindows) {
			cost += intraRoute ? penaltyTimeWarp * timeWarpOf(routeU) - routeU.twPenalty
					: penaltyTimeWarp * (timeWarpOf(routeU) + timeWarpOf(routeV));
			if (cost > -EPSILON) {
				return true;
			}
		}
		applied(move, cost, !intraRoute);
		return false;
	}

	/** The time warp of a route made of a prefix ending at node a, then the pieces, then b's suffix (O(1), no allocation). */
	private double warp(Node a, Node b) {
		TimeWindowSegment.concatenate(a.prefix, b.suffix, context.time[a.cour][b.cour], scratchA);
		return scratchA.timeWarp;
	}

	private double warp(Node a, int c, Node b) {
		TimeWindowSegment.concatenate(a.prefix, single[c], context.time[a.cour][c], scratchA);
		TimeWindowSegment.concatenate(scratchA, b.suffix, context.time[c][b.cour], scratchA);
		return scratchA.timeWarp;
	}

	private double warp(Node a, int c1, int c2, Node b) {
		TimeWindowSegment.concatenate(a.prefix, single[c1], context.time[a.cour][c1], scratchA);
		TimeWindowSegment.concatenate(scratchA, single[c2], context.time[c1][c2], scratchA);
		TimeWindowSegment.concatenate(scratchA, b.suffix, context.time[c2][b.cour], scratchA);
		return scratchA.timeWarp;
	}

	/**
	 * Time windows without a fleet, between routes: adds the penalised time warp of both routes as the
	 * move would leave them (from cached segments); answers whether the move improves, then it is to be
	 * applied and recorded.
	 */
	private boolean improvesWithTimeWarp(double cost, double warpU, double warpV) {
		return cost + penaltyTimeWarp * (warpU + warpV) < -EPSILON;
	}

	/** The least time warp of a route: leave at the depot's opening, wait when early, warp back when late. */
	private double timeWarpOf(Route route) {
		double[] ready = context.ready;
		double[] due = context.due;
		double time = ready[0];
		double warp = 0;
		int at = 0;
		for (Node node = route.depot.next; !node.isDepot; node = node.next) {
			int c = node.cour;
			time = Math.max(time + context.time[at][c], ready[c]);
			if (time > due[c]) {
				warp += time - due[c];
				time = due[c];
			}
			time += context.service[c];
			at = c;
		}
		time += context.time[at][0];
		return at == 0 ? 0 : warp + Math.max(0, time - due[0]);
	}

	/** Without a fleet, the load penalty of the route after the move, less its penalty now; with one, less its penalty. */
	private double loadTerm(Route route, double load) {
		return fleet ? -route.penalty : penaltyExcessLoad(load) - route.penalty;
	}

	/** SWAP*'s estimate of a route's load penalty change (none with a fleet: measured after the move). */
	private double swapTerm(Route route, double load) {
		return fleet ? 0 : penaltyExcessLoad(load) - route.loadPenalty;
	}

	/** A route's whole penalty as it is now: compartments' excess, fixed cost when used, time warp. */
	private double penaltyNow(Route route) {
		if (route.depot.next.isDepot) {
			return 0;
		}
		return penalty * zoneExcess(route) + context.slotFixedCost[route.cour] + (timeWindows ? penaltyTimeWarp * timeWarpOf(route) : 0)
				+ extraCost(route);
	}

	/** What the route's vehicle type costs over the route's {@code d} length (0 when the type costs {@code d}). */
	private double extraCost(Route route) {
		double[][] cost = context.slotCost[route.cour];
		if (cost == d) {
			return 0;
		}
		double extra = 0;
		int at = 0;
		for (Node node = route.depot.next; !node.isDepot; node = node.next) {
			extra += cost[at][node.cour] - d[at][node.cour];
			at = node.cour;
		}
		return at == 0 ? 0 : extra + cost[at][0] - d[at][0];
	}

	private double zoneExcess(Route route) {
		double excess = 0;
		for (int z = 0; z < context.zones; z++) {
			int[] demand = context.zoneDemand[z];
			int load = 0;
			for (Node node = route.depot.next; !node.isDepot; node = node.next) {
				load += demand[node.cour];
			}
			excess += Math.max(0, load - context.slotCapacity[route.cour][z]);
		}
		return excess;
	}

	private int save(Route route, int[] buffer) {
		int length = 0;
		for (Node node = route.depot.next; !node.isDepot; node = node.next) {
			buffer[length++] = node.cour;
		}
		return length;
	}

	/** Records an inter-route move evaluated from segments: its cost with the routes' new time warp. */
	private void appliedWithTimeWarp(String move, double costWithoutNewWarp) {
		nbMoves++;
		searchCompleted = false;
		updateRouteData(routeU);
		updateRouteData(routeV);
		if (observer != null) {
			observer.applied(move, costWithoutNewWarp + penaltyTimeWarp * (routeU.timeWarp + routeV.timeWarp));
		}
	}

	private void applied(String move, double delta, boolean bothRoutes) {
		nbMoves++;
		searchCompleted = false;
		updateRouteData(routeU);
		if (bothRoutes) {
			updateRouteData(routeV);
		}
		if (observer != null) {
			observer.applied(move, delta);
		}
	}

	/** Hears each applied move and the change of penalised cost it computed (for tests). */
	interface MoveObserver {

		void applied(String move, double delta);
	}

	MoveObserver observer;

	/** The current routes, in slot order (for tests). */
	java.util.List<int[]> currentRoutes() {
		java.util.List<int[]> result = new java.util.ArrayList<>();
		for (Route route : routes) {
			int[] customers = new int[route.nbCustomers];
			int k = 0;
			for (Node node = route.depot.next; !node.isDepot; node = node.next) {
				customers[k++] = node.cour;
			}
			result.add(customers);
		}
		return result;
	}

	/** RELOCATE U after V. */
	private boolean move1() {
		double costSuppU = d[nodeUPrevIndex][nodeXIndex] - d[nodeUPrevIndex][nodeUIndex] - d[nodeUIndex][nodeXIndex];
		double costSuppV = d[nodeVIndex][nodeUIndex] + d[nodeUIndex][nodeYIndex] - d[nodeVIndex][nodeYIndex];
		if (!intraRoute) {
			if (costSuppU + costSuppV >= routeU.penalty + routeV.penalty) {
				return false;
			}
			costSuppU += loadTerm(routeU, routeU.load - loadU);
			costSuppV += loadTerm(routeV, routeV.load + loadU);
		}
		if (!promising(costSuppU + costSuppV) || nodeU == nodeY || nodeU == nodeV) {
			return false;
		}
		if (segments && !intraRoute) {
			double cost = costSuppU + costSuppV;
			if (!improvesWithTimeWarp(cost, warp(nodeU.prev, nodeX), warp(nodeV, nodeUIndex, nodeY))) {
				return false;
			}
			insertNode(nodeU, nodeV);
			appliedWithTimeWarp("RELOCATE", cost);
			return true;
		}
		Node uPrev = nodeU.prev;
		insertNode(nodeU, nodeV);
		if (rejectedByTimeWarp("RELOCATE", costSuppU + costSuppV)) {
			insertNode(nodeU, uPrev);
			return false;
		}
		return true;
	}

	/** RELOCATE the pair (U, X) after V. */
	private boolean move2() {
		if (nodeX.isDepot) {
			return false;
		}
		double costSuppU = d[nodeUPrevIndex][nodeXNextIndex] - d[nodeUPrevIndex][nodeUIndex] - d[nodeXIndex][nodeXNextIndex];
		double costSuppV = d[nodeVIndex][nodeUIndex] + d[nodeXIndex][nodeYIndex] - d[nodeVIndex][nodeYIndex];
		if (!intraRoute) {
			if (costSuppU + costSuppV >= routeU.penalty + routeV.penalty) {
				return false;
			}
			costSuppU += loadTerm(routeU, routeU.load - loadU - loadX);
			costSuppV += loadTerm(routeV, routeV.load + loadU + loadX);
		}
		if (!promising(costSuppU + costSuppV) || nodeU == nodeY || nodeV == nodeX || nodeU == nodeV) {
			return false;
		}
		if (segments && !intraRoute) {
			double cost = costSuppU + costSuppV;
			if (!improvesWithTimeWarp(cost, warp(nodeU.prev, nodeX.next), warp(nodeV, nodeUIndex, nodeXIndex, nodeY))) {
				return false;
			}
			insertNode(nodeU, nodeV);
			insertNode(nodeX, nodeU);
			appliedWithTimeWarp("RELOCATE-2", cost);
			return true;
		}
		Node uPrev = nodeU.prev;
		insertNode(nodeU, nodeV);
		insertNode(nodeX, nodeU);
		if (rejectedByTimeWarp("RELOCATE-2", costSuppU + costSuppV)) {
			insertNode(nodeU, uPrev);
			insertNode(nodeX, nodeU);
			return false;
		}
		return true;
	}

	/** RELOCATE the pair (U, X) after V, reversed to (X, U). */
	private boolean move3() {
		if (nodeX.isDepot) {
			return false;
		}
		double costSuppU = d[nodeUPrevIndex][nodeXNextIndex] - d[nodeUPrevIndex][nodeUIndex] - d[nodeUIndex][nodeXIndex]
				- d[nodeXIndex][nodeXNextIndex];
		double costSuppV = d[nodeVIndex][nodeXIndex] + d[nodeXIndex][nodeUIndex] + d[nodeUIndex][nodeYIndex] - d[nodeVIndex][nodeYIndex];
		if (!intraRoute) {
			if (costSuppU + costSuppV >= routeU.penalty + routeV.penalty) {
				return false;
			}
			costSuppU += loadTerm(routeU, routeU.load - loadU - loadX);
			costSuppV += loadTerm(routeV, routeV.load + loadU + loadX);
		}
		if (!promising(costSuppU + costSuppV) || nodeU == nodeY || nodeX == nodeV || nodeU == nodeV) {
			return false;
		}
		if (segments && !intraRoute) {
			double cost = costSuppU + costSuppV;
			if (!improvesWithTimeWarp(cost, warp(nodeU.prev, nodeX.next), warp(nodeV, nodeXIndex, nodeUIndex, nodeY))) {
				return false;
			}
			insertNode(nodeX, nodeV);
			insertNode(nodeU, nodeX);
			appliedWithTimeWarp("RELOCATE-2-REVERSED", cost);
			return true;
		}
		Node uPrev = nodeU.prev;
		insertNode(nodeX, nodeV);
		insertNode(nodeU, nodeX);
		if (rejectedByTimeWarp("RELOCATE-2-REVERSED", costSuppU + costSuppV)) {
			insertNode(nodeU, uPrev);
			insertNode(nodeX, nodeU);
			return false;
		}
		return true;
	}

	/** SWAP U and V. */
	private boolean move4() {
		if (nodeV.isDepot || nodeU == nodeV || nodeUIndex == nodeVPrevIndex || nodeU == nodeY) {
			return false;
		}
		double costSuppU = d[nodeUPrevIndex][nodeVIndex] + d[nodeVIndex][nodeXIndex] - d[nodeUPrevIndex][nodeUIndex]
				- d[nodeUIndex][nodeXIndex];
		double costSuppV = d[nodeVPrevIndex][nodeUIndex] + d[nodeUIndex][nodeYIndex] - d[nodeVPrevIndex][nodeVIndex]
				- d[nodeVIndex][nodeYIndex];
		if (!intraRoute) {
			if (costSuppU + costSuppV >= routeU.penalty + routeV.penalty) {
				return false;
			}
			costSuppU += loadTerm(routeU, routeU.load + loadV - loadU);
			costSuppV += loadTerm(routeV, routeV.load + loadU - loadV);
		}
		if (!promising(costSuppU + costSuppV)) {
			return false;
		}
		if (segments && !intraRoute) {
			double cost = costSuppU + costSuppV;
			if (!improvesWithTimeWarp(cost, warp(nodeU.prev, nodeVIndex, nodeX), warp(nodeV.prev, nodeUIndex, nodeY))) {
				return false;
			}
			swapNode(nodeU, nodeV);
			appliedWithTimeWarp("SWAP-1-1", cost);
			return true;
		}
		swapNode(nodeU, nodeV);
		if (rejectedByTimeWarp("SWAP-1-1", costSuppU + costSuppV)) {
			swapNode(nodeU, nodeV);
			return false;
		}
		return true;
	}

	/** SWAP the pair (U, X) with V. */
	private boolean move5() {
		if (nodeV.isDepot || nodeX.isDepot || nodeU == nodeV || nodeU == nodeV.prev || nodeX == nodeV.prev || nodeU == nodeY
				|| nodeX == nodeV) {
			return false;
		}
		double costSuppU = d[nodeUPrevIndex][nodeVIndex] + d[nodeVIndex][nodeXNextIndex] - d[nodeUPrevIndex][nodeUIndex]
				- d[nodeXIndex][nodeXNextIndex];
		double costSuppV = d[nodeVPrevIndex][nodeUIndex] + d[nodeXIndex][nodeYIndex] - d[nodeVPrevIndex][nodeVIndex]
				- d[nodeVIndex][nodeYIndex];
		if (!intraRoute) {
			if (costSuppU + costSuppV >= routeU.penalty + routeV.penalty) {
				return false;
			}
			costSuppU += loadTerm(routeU, routeU.load + loadV - loadU - loadX);
			costSuppV += loadTerm(routeV, routeV.load + loadU + loadX - loadV);
		}
		if (!promising(costSuppU + costSuppV)) {
			return false;
		}
		if (segments && !intraRoute) {
			double cost = costSuppU + costSuppV;
			if (!improvesWithTimeWarp(cost, warp(nodeU.prev, nodeVIndex, nodeX.next), warp(nodeV.prev, nodeUIndex, nodeXIndex, nodeY))) {
				return false;
			}
			swapNode(nodeU, nodeV);
			insertNode(nodeX, nodeU);
			appliedWithTimeWarp("SWAP-2-1", cost);
			return true;
		}
		swapNode(nodeU, nodeV);
		insertNode(nodeX, nodeU);
		if (rejectedByTimeWarp("SWAP-2-1", costSuppU + costSuppV)) {
			swapNode(nodeU, nodeV);
			insertNode(nodeX, nodeU);
			return false;
		}
		return true;
	}

	/** SWAP the pairs (U, X) and (V, Y). */
	private boolean move6() {
		if (nodeV.isDepot || nodeX.isDepot || nodeY.isDepot || nodeU == nodeV || nodeY == nodeU.prev || nodeU == nodeY
				|| nodeX == nodeV || nodeV == nodeX.next) {
			return false;
		}
		double costSuppU = d[nodeUPrevIndex][nodeVIndex] + d[nodeYIndex][nodeXNextIndex] - d[nodeUPrevIndex][nodeUIndex]
				- d[nodeXIndex][nodeXNextIndex];
		double costSuppV = d[nodeVPrevIndex][nodeUIndex] + d[nodeXIndex][nodeYNextIndex] - d[nodeVPrevIndex][nodeVIndex]
				- d[nodeYIndex][nodeYNextIndex];
		if (!intraRoute) {
			if (costSuppU + costSuppV >= routeU.penalty + routeV.penalty) {
				return false;
			}
			costSuppU += loadTerm(routeU, routeU.load + loadV + loadY - loadU - loadX);
			costSuppV += loadTerm(routeV, routeV.load + loadU + loadX - loadV - loadY);
		}
		if (!promising(costSuppU + costSuppV)) {
			return false;
		}
		if (segments && !intraRoute) {
			double cost = costSuppU + costSuppV;
			if (!improvesWithTimeWarp(cost, warp(nodeU.prev, nodeVIndex, nodeYIndex, nodeX.next),
					warp(nodeV.prev, nodeUIndex, nodeXIndex, nodeY.next))) {
				return false;
			}
			swapNode(nodeU, nodeV);
			swapNode(nodeX, nodeY);
			appliedWithTimeWarp("SWAP-2-2", cost);
			return true;
		}
		swapNode(nodeU, nodeV);
		swapNode(nodeX, nodeY);
		if (rejectedByTimeWarp("SWAP-2-2", costSuppU + costSuppV)) {
			swapNode(nodeX, nodeY);
			swapNode(nodeU, nodeV);
			return false;
		}
		return true;
	}

	/** 2-OPT within a route: reverses X..V when U comes before V. */
	private boolean move7() {
		if (nodeV.isDepot || nodeU.position > nodeV.position || nodeU.next == nodeV || nodeU == nodeV) {
			return false;
		}
		double cost = d[nodeUIndex][nodeVIndex] + d[nodeXIndex][nodeYIndex] - d[nodeUIndex][nodeXIndex] - d[nodeVIndex][nodeYIndex]
				+ nodeV.cumulatedReversalDistance - nodeX.cumulatedReversalDistance;
		if (!promising(cost)) {
			return false;
		}
		int length = 0;
		for (Node node = routeU.depot.next; node != nodeX; node = node.next) {
			bufferA[length++] = node.cour;
		}
		for (Node node = nodeV; node != nodeU; node = node.prev) {
			bufferA[length++] = node.cour;
		}
		for (Node node = nodeY; !node.isDepot; node = node.next) {
			bufferA[length++] = node.cour;
		}
		int saved = save(routeU, bufferC);
		relink(routeU, bufferA, length);
		if (rejectedByTimeWarp("2-OPT", cost)) {
			relink(routeU, bufferC, saved);
			return false;
		}
		return true;
	}

	/** 2-OPT* between routes: U joins V and X joins Y, both route starts reversed. */
	private boolean move8() {
		double cost = d[nodeUIndex][nodeVIndex] + d[nodeXIndex][nodeYIndex] - d[nodeUIndex][nodeXIndex] - d[nodeVIndex][nodeYIndex]
				+ nodeV.cumulatedReversalDistance + routeU.reversalDistance - nodeX.cumulatedReversalDistance - routeU.penalty
				- routeV.penalty;
		if (cost >= 0) {
			return false;
		}
		if (!fleet) {
			cost += penaltyExcessLoad(nodeU.cumulatedLoad + nodeV.cumulatedLoad)
					+ penaltyExcessLoad(routeU.load + routeV.load - nodeU.cumulatedLoad - nodeV.cumulatedLoad);
		}
		if (cost > -EPSILON) {
			return false;
		}
		int lengthA = 0;
		for (Node node = routeU.depot.next; node != nodeX; node = node.next) {
			bufferA[lengthA++] = node.cour;
		}
		for (Node node = nodeV; !node.isDepot; node = node.prev) {
			bufferA[lengthA++] = node.cour;
		}
		int lengthB = 0;
		for (Node node = routeU.depotEnd.prev; node != nodeU; node = node.prev) {
			bufferB[lengthB++] = node.cour;
		}
		for (Node node = nodeY; !node.isDepot; node = node.next) {
			bufferB[lengthB++] = node.cour;
		}
		int savedU = save(routeU, bufferC);
		int savedV = save(routeV, bufferD);
		relink(routeU, bufferA, lengthA);
		relink(routeV, bufferB, lengthB);
		if (rejectedByTimeWarp("2-OPT*-REVERSED", cost)) {
			relink(routeU, bufferC, savedU);
			relink(routeV, bufferD, savedV);
			return false;
		}
		return true;
	}

	/** 2-OPT* between routes: U continues with Y, V continues with X. */
	private boolean move9() {
		double cost = d[nodeUIndex][nodeYIndex] + d[nodeVIndex][nodeXIndex] - d[nodeUIndex][nodeXIndex] - d[nodeVIndex][nodeYIndex]
				- routeU.penalty - routeV.penalty;
		if (cost >= 0) {
			return false;
		}
		if (!fleet) {
			cost += penaltyExcessLoad(nodeU.cumulatedLoad + routeV.load - nodeV.cumulatedLoad)
					+ penaltyExcessLoad(nodeV.cumulatedLoad + routeU.load - nodeU.cumulatedLoad);
		}
		if (cost > -EPSILON) {
			return false;
		}
		if (segments) {
			// U continues with Y, V with X: the prefixes and suffixes joined.
			if (!improvesWithTimeWarp(cost, warp(nodeU, nodeY), warp(nodeV, nodeX))) {
				return false;
			}
		}
		int lengthA = 0;
		for (Node node = routeU.depot.next; node != nodeX; node = node.next) {
			bufferA[lengthA++] = node.cour;
		}
		for (Node node = nodeY; !node.isDepot; node = node.next) {
			bufferA[lengthA++] = node.cour;
		}
		int lengthB = 0;
		for (Node node = routeV.depot.next; node != nodeY; node = node.next) {
			bufferB[lengthB++] = node.cour;
		}
		for (Node node = nodeX; !node.isDepot; node = node.next) {
			bufferB[lengthB++] = node.cour;
		}
		int savedU = save(routeU, bufferC);
		int savedV = save(routeV, bufferD);
		relink(routeU, bufferA, lengthA);
		relink(routeV, bufferB, lengthB);
		if (rejectedByTimeWarp("2-OPT*", cost)) {
			relink(routeU, bufferC, savedU);
			relink(routeV, bufferD, savedV);
			return false;
		}
		return true;
	}

	/**
	 * SWAP* (Vidal 2022): exchanges a customer of each route, each inserted at its best place in the
	 * other route (not necessarily the place of the other), or relocates one customer at its best place.
	 */
	private boolean swapStar() {
		preprocessInsertions(routeU, routeV);
		preprocessInsertions(routeV, routeU);
		double bestCost = 0;
		Node bestU = null;
		Node bestPositionU = null;
		Node bestV = null;
		Node bestPositionV = null;
		for (Node u = routeU.depot.next; !u.isDepot; u = u.next) {
			double demandU = context.demand[u.cour];
			for (Node v = routeV.depot.next; !v.isDepot; v = v.next) {
				double demandV = context.demand[v.cour];
				double deltaPenaltyU = swapTerm(routeU, routeU.load + demandV - demandU);
				double deltaPenaltyV = swapTerm(routeV, routeV.load + demandU - demandV);
				if (deltaPenaltyU + u.deltaRemoval + deltaPenaltyV + v.deltaRemoval <= 0) {
					// V goes into U's route while U leaves it, and U into V's route while V leaves it.
					Node placeV = cheapestPlaceWithRemoval(v, u);
					double extraV = cheapestCost;
					Node placeU = cheapestPlaceWithRemoval(u, v);
					double extraU = cheapestCost;
					double moveCost = deltaPenaltyU + u.deltaRemoval + extraU + deltaPenaltyV + v.deltaRemoval + extraV;
					if (moveCost < bestCost - EPSILON) {
						bestCost = moveCost;
						bestU = u;
						bestPositionU = placeU;
						bestV = v;
						bestPositionV = placeV;
					}
				}
			}
		}
		for (int side = 0; side < 2; side++) {
			Route from = side == 0 ? routeU : routeV;
			Route to = side == 0 ? routeV : routeU;
			for (Node u = from.depot.next; !u.isDepot; u = u.next) {
				int base = (to.cour * (n + 1) + u.cour) * 3;
				double demandU = context.demand[u.cour];
				double moveCost = insertCost[base] + d[u.prev.cour][u.next.cour] - d[u.prev.cour][u.cour] - d[u.cour][u.next.cour]
						+ swapTerm(from, from.load - demandU) + swapTerm(to, to.load + demandU);
				if (moveCost < bestCost - EPSILON) {
					bestCost = moveCost;
					bestU = u;
					bestPositionU = insertPlace[base];
					bestV = null;
					bestPositionV = null;
				}
			}
		}
		if (bestU == null || bestCost > -EPSILON) {
			return false;
		}
		Node uPrev = bestU.prev;
		Node vPrev = bestV == null ? null : bestV.prev;
		insertNode(bestU, bestPositionU);
		if (bestV != null) {
			insertNode(bestV, bestPositionV);
		}
		if (timeWindows || fleet) {
			bestCost += fleet ? penaltyNow(routeU) + penaltyNow(routeV) - routeU.penalty - routeV.penalty
					: penaltyTimeWarp * (timeWarpOf(routeU) + timeWarpOf(routeV)) - routeU.twPenalty - routeV.twPenalty;
			if (bestCost > -EPSILON) {
				if (bestV != null) {
					insertNode(bestV, vPrev);
				}
				insertNode(bestU, uPrev);
				return false;
			}
		}
		applied("SWAP*", bestCost, true);
		return true;
	}

	private double cheapestCost;

	/** The cheapest place to insert U in V's route when V leaves it; its cost in {@link #cheapestCost}. */
	private Node cheapestPlaceWithRemoval(Node u, Node v) {
		int base = (v.route.cour * (n + 1) + u.cour) * 3;
		Node best = null;
		double cost = 1e30;
		for (int k = 0; k < 3; k++) {
			Node place = insertPlace[base + k];
			if (place != null && place != v && place.next != v) {
				best = place;
				cost = insertCost[base + k];
				break;
			}
		}
		double inPlaceOfV = d[v.prev.cour][u.cour] + d[u.cour][v.next.cour] - d[v.prev.cour][v.next.cour];
		if (best == null || inPlaceOfV < cost) {
			best = v.prev;
			cost = inPlaceOfV;
		}
		cheapestCost = cost;
		return best;
	}

	private void preprocessInsertions(Route r1, Route r2) {
		for (Node u = r1.depot.next; !u.isDepot; u = u.next) {
			u.deltaRemoval = d[u.prev.cour][u.next.cour] - d[u.prev.cour][u.cour] - d[u.cour][u.next.cour];
			int key = r2.cour * (n + 1) + u.cour;
			if (r2.whenLastModified > insertWhen[key]) {
				int base = key * 3;
				insertCost[base] = insertCost[base + 1] = insertCost[base + 2] = 1e30;
				insertPlace[base] = insertPlace[base + 1] = insertPlace[base + 2] = null;
				insertWhen[key] = nbMoves;
				for (Node v = r2.depot; !v.isDepot || v == r2.depot; v = v.next) {
					addInsertion(base, d[v.cour][u.cour] + d[u.cour][v.next.cour] - d[v.cour][v.next.cour], v);
				}
			}
		}
	}

	private void addInsertion(int base, double cost, Node place) {
		if (cost > insertCost[base + 2]) {
			return;
		}
		if (cost > insertCost[base + 1]) {
			insertCost[base + 2] = cost;
			insertPlace[base + 2] = place;
		}
		else if (cost > insertCost[base]) {
			insertCost[base + 2] = insertCost[base + 1];
			insertPlace[base + 2] = insertPlace[base + 1];
			insertCost[base + 1] = cost;
			insertPlace[base + 1] = place;
		}
		else {
			insertCost[base + 2] = insertCost[base + 1];
			insertPlace[base + 2] = insertPlace[base + 1];
			insertCost[base + 1] = insertCost[base];
			insertPlace[base + 1] = insertPlace[base];
			insertCost[base] = cost;
			insertPlace[base] = place;
		}
	}

	private static void insertNode(Node u, Node v) {
		u.prev.next = u.next;
		u.next.prev = u.prev;
		v.next.prev = u;
		u.prev = v;
		u.next = v.next;
		v.next = u;
		u.route = v.route;
	}

	private static void swapNode(Node u, Node v) {
		Node vPrev = v.prev;
		Node vNext = v.next;
		Node uPrev = u.prev;
		Node uNext = u.next;
		Route routeOfU = u.route;
		Route routeOfV = v.route;
		uPrev.next = v;
		uNext.prev = v;
		vPrev.next = u;
		vNext.prev = u;
		u.prev = vPrev;
		u.next = vNext;
		v.prev = uPrev;
		v.next = uNext;
		u.route = routeOfV;
		v.route = routeOfU;
	}

	private void relink(Route route, int[] customers, int length) {
		Node previous = route.depot;
		for (int k = 0; k < length; k++) {
			Node node = clients[customers[k]];
			node.prev = previous;
			previous.next = node;
			node.route = route;
			previous = node;
		}
		previous.next = route.depotEnd;
		route.depotEnd.prev = previous;
	}

	private void updateRouteData(Route route) {
		int place = 0;
		double load = 0;
		double reversalDistance = 0;
		double distance = 0;
		Node node = route.depot;
		node.position = 0;
		node.cumulatedLoad = 0;
		node.cumulatedReversalDistance = 0;
		boolean first = true;
		while (node != route.depotEnd) {
			node = node.next;
			place++;
			node.position = place;
			load += context.demand[node.cour];
			distance += d[node.prev.cour][node.cour];
			reversalDistance += d[node.cour][node.prev.cour] - d[node.prev.cour][node.cour];
			node.cumulatedLoad = load;
			node.cumulatedReversalDistance = reversalDistance;
			if (!node.isDepot) {
				if (first) {
					route.sector.initialize(context.polarAngle[node.cour]);
				}
				else {
					route.sector.extend(context.polarAngle[node.cour]);
				}
				first = false;
			}
		}
		route.distance = distance;
		route.load = load;
		route.loadPenalty = fleet ? penalty * zoneExcess(route) : penaltyExcessLoad(load);
		if (timeWindows) {
			updateSegments(route);
		}
		route.timeWarp = timeWindows ? (route.depot.next.isDepot ? 0 : route.depotEnd.prefix.timeWarp) : 0;
		route.twPenalty = penaltyTimeWarp * route.timeWarp;
		route.penalty = route.loadPenalty + route.twPenalty + (fleet && place > 1 ? context.slotFixedCost[route.cour] + extraCost(route) : 0);
		route.nbCustomers = place - 1;
		route.reversalDistance = reversalDistance;
		route.whenLastModified = nbMoves;
		route.polarAngleBarycenter = route.nbCustomers == 0 ? 1e30 : barycenterAngle(route);
	}

	/** Caches each node's prefix (from the depot) and suffix (to the depot) time-window segments. */
	private void updateSegments(Route route) {
		double[][] t = context.time;
		copy(single[0], route.depot.prefix);
		for (Node node = route.depot.next; node != null; node = node.next) {
			TimeWindowSegment.concatenate(node.prev.prefix, single[node.cour], t[node.prev.cour][node.cour], node.prefix);
			if (node == route.depotEnd) {
				break;
			}
		}
		copy(single[0], route.depotEnd.suffix);
		for (Node node = route.depotEnd.prev; ; node = node.prev) {
			TimeWindowSegment.concatenate(single[node.cour], node.next.suffix, t[node.cour][node.next.cour], node.suffix);
			if (node == route.depot) {
				break;
			}
		}
	}

	private static void copy(TimeWindowSegment from, TimeWindowSegment to) {
		to.first = from.first;
		to.last = from.last;
		to.duration = from.duration;
		to.timeWarp = from.timeWarp;
		to.earliest = from.earliest;
		to.latest = from.latest;
	}

	private double barycenterAngle(Route route) {
		double sumX = 0;
		double sumY = 0;
		for (Node node = route.depot.next; !node.isDepot; node = node.next) {
			double angle = context.polarAngle[node.cour] * Math.PI / 32768.;
			sumX += Math.cos(angle);
			sumY += Math.sin(angle);
		}
		return Math.atan2(sumY, sumX);
	}

	private void load(Individual individual) {
		nbMoves = 0;
		int position = 0;
		for (int r = 0; r < routes.length; r++) {
			Route route = routes[r];
			int size = individual.routeSize[r];
			Node previous = route.depot;
			for (int k = 0; k < size; k++) {
				Node node = clients[individual.tour[position++]];
				node.prev = previous;
				previous.next = node;
				node.route = route;
				previous = node;
			}
			previous.next = route.depotEnd;
			route.depotEnd.prev = previous;
			route.depot.prev = route.depotEnd;
			route.depotEnd.next = route.depot;
			route.whenLastTestedSwapStar = -1;
			updateRouteData(route);
		}
		for (int i = 1; i <= n; i++) {
			clients[i].whenLastTestedRI = -1;
		}
		Arrays.fill(insertWhen, -1);
	}

	/** Writes the routes back, ordered by the polar angle of their barycentre, and re-evaluates. */
	private void export(Individual individual) {
		Route[] sorted = routes.clone();
		if (!fleet) {
			// A heterogeneous fleet keeps each route in its vehicle's slot.
			Arrays.sort(sorted, (a, b) -> Double.compare(a.polarAngleBarycenter, b.polarAngleBarycenter));
		}
		int position = 0;
		for (int r = 0; r < sorted.length; r++) {
			int size = 0;
			for (Node node = sorted[r].depot.next; !node.isDepot; node = node.next) {
				individual.tour[position++] = node.cour;
				size++;
			}
			individual.routeSize[r] = size;
		}
		individual.evaluate(context);
	}
}
