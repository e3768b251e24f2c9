/** Prints a report as a readable timeline, for people at a terminal. */
import { formatClock, type Report } from '@site/sim';

export function formatTimeline(report: Report): string {
  const lines: string[] = [];
  lines.push(`${report.scenario} (seed ${report.seed}, until ${formatClock(report.time)})`);
  lines.push('');
  // A loop, not Math.max(...list): a spread of a long trace overflows the call stack.
  let width = 4;
  for (const e of report.events) width = Math.max(width, formatClock(e.time).length);
  for (const e of report.events) {
    lines.push(`${formatClock(e.time).padStart(width)}  ${e.kind.padEnd(22)} ${e.message}`);
  }
  const m = report.metrics;
  lines.push('');
  lines.push(`At ${formatClock(report.time)}:`);
  lines.push(`  VMs serving: ${m.servingVms} (running: ${m.runningVms} of ${report.vms.length})`);
  lines.push(
    `  service availability: ${m.firstUpAt === null ? 'never came up' : `${m.availabilityPercent.toFixed(3)}% (down ${m.downtimeSeconds} s since it first came up at ${formatClock(m.firstUpAt)})`}`,
  );
  if (report.database) {
    const d = report.database;
    lines.push(
      `  database: ${d.available ? 'available' : 'unavailable'} in ${d.primary.az}; write latency ${d.writeLatencyMs} ms; RPO ${d.rpoSeconds} s; failovers: ${d.failovers.map((f) => `${f.seconds} s to ${f.to.az}`).join(', ') || 'none'}`,
    );
  }
  const pressed = report.hosts.filter((h) => h.memory.pressure !== 'none');
  if (pressed.length) {
    const shown = pressed
      .slice(0, 5)
      .map((h) =>
        h.memory.pressure === 'swapping'
          ? `${h.id} swapping ${h.memory.swappedGiB} GiB (${h.memory.swappedPercent}% of every working set)`
          : `${h.id} ballooning ${h.memory.balloonGiB} GiB`,
      );
    lines.push(`  memory pressure: ${shown.join('; ')}${pressed.length > 5 ? `; and ${pressed.length - 5} more host(s)` : ''}`);
  }
  if (m.requests) lines.push(`  requests: ${m.requests.served} served, ${m.requests.dropped} dropped (${m.requests.droppedPercent}%)`);
  lines.push(`  cost: $${m.cost.totalUsd.toFixed(4)} (compute $${m.cost.computeUsd.toFixed(4)}, disk $${m.cost.diskUsd.toFixed(4)})`);
  if (m.cost.unpricedRegions.length) lines.push(`  no price known for: ${m.cost.unpricedRegions.join(', ')}`);
  if (m.residencyViolations.length) {
    lines.push(`  residency violations: ${m.residencyViolations.map((v) => `${v.what} in ${v.region}`).join('; ')}`);
  }
  return lines.join('\n');
}
