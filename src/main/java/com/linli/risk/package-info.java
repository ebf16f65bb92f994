/**
 * Risk control (风控): fraud rules over every module's API (many accounts on one phone prefix or device, a leader
 * buying at their own pickup point, coupon and referral abuse, abnormal refund rates, bursts of cancelled orders),
 * each flag with a score and its evidence; cases per subject that hold the subject's payouts and coupon use until
 * an operator clears or confirms them (a confirmed case can block the accounts through identity); supplier risk
 * and the fund risk reserve. DESIGN.md section 3: risk may use any module's API and events; the holds reach leader
 * and marketing through {@link com.linli.shared.RiskHolds}, which this module implements.
 */
@org.springframework.modulith.ApplicationModule
package com.linli.risk;
