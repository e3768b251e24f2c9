/**
 * Conditions that tasks' goal predicates combine. Each reads the engine's reports only, and says in
 * its detail what the engine showed, so a reader sees why a configuration fails.
 */
import type { GoalCheck, TaskRun } from './schema';

const money = (usd: number) => `$${usd.toFixed(3)}`;

/** After each single-AZ outage, the service is never down (it needs its minServing VMs and its database). */
export function survivesEveryOutage(run: TaskRun, label = 'The service stays up through the loss of any one AZ'): GoalCheck {
  const bad = run.outages.filter((o) => o.report.metrics.downtimeSeconds > 0 || !o.report.metrics.serviceUp);
  return {
    id: 'survives',
    label,
    ok: bad.length === 0 && run.baseline.metrics.serviceUp,
    detail: run.outages
      .map(
        (o) =>
          `${o.az} down: ${o.report.metrics.servingVms} VM(s) serving${o.report.metrics.downtimeSeconds > 0 ? `, service down for ${o.report.metrics.downtimeSeconds} s` : ''}`,
      )
      .join('; '),
  };
}

/** Compute and disk cost of the run with no outage, at most `usd`. */
export function withinBudget(run: TaskRun, usd: number, what = 'the hour'): GoalCheck {
  const cost = run.baseline.metrics.cost.totalUsd;
  return { id: 'budget', label: `It costs at most ${money(usd)} for ${what}`, ok: cost <= usd, detail: `the engine bills ${money(cost)}` };
}

/** The database is available at the end of every outage run. */
export function databaseSurvives(run: TaskRun): GoalCheck {
  const down = run.outages.filter((o) => !o.report.database?.available);
  return {
    id: 'db-survives',
    label: 'The database is available again after the loss of any one AZ',
    ok: run.baseline.database !== null && down.length === 0,
    detail: down.length ? `unavailable at the end when ${down.map((o) => o.az).join(', ')} failed` : 'available in every run',
  };
}

/** No committed write is lost in any outage run. */
export function noLostWrites(run: TaskRun): GoalCheck {
  const lost = run.outages.filter((o) => (o.report.database?.lostWrites ?? 0) > 0);
  return {
    id: 'no-loss',
    label: 'No committed write is lost',
    ok: lost.length === 0,
    detail: lost.length ? lost.map((o) => `${o.az} down: ${o.report.database!.lostWrites} writes lost`).join('; ') : 'nothing lost',
  };
}

/** Nothing is placed outside the scenario's residency rule. */
export function residencyRespected(run: TaskRun): GoalCheck {
  const v = run.baseline.metrics.residencyViolations;
  return {
    id: 'residency',
    label: 'Every VM and every copy of the data stays where the rule allows',
    ok: v.length === 0,
    detail: v.length ? v.map((x) => `${x.what} in ${x.region}`).join('; ') : 'no violation',
  };
}

/** At the end of each outage run, at least `n` of the service's VMs serve. */
export function servesAfterEveryOutage(run: TaskRun, n: number): GoalCheck {
  const short = run.outages.filter((o) => o.report.metrics.servingVms < n);
  return {
    id: 'serving',
    label: `At least ${n} VMs serve after the loss of any one AZ`,
    ok: short.length === 0,
    detail: run.outages.map((o) => `${o.az} down: ${o.report.metrics.servingVms} serving`).join('; '),
  };
}

/** In each outage run, the service is down for at most `seconds` in all. */
export function pausesAtMost(run: TaskRun, seconds: number): GoalCheck {
  const worst = Math.max(0, ...run.outages.map((o) => o.report.metrics.downtimeSeconds));
  return { id: 'pause', label: `Losing an AZ pauses the service for at most ${seconds} s`, ok: worst <= seconds, detail: `longest pause: ${worst} s` };
}
