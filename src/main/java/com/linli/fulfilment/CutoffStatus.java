package com.linli.fulfilment;

/**
 * A cutoff run is RUNNING until its sorting lists and demand are complete; a run that stopped half
 * way (a crash, a restart) stays RUNNING and resumes where it stopped when it is started again.
 */
public enum CutoffStatus {

	RUNNING, COMPLETED
}
