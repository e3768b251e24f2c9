/**
 * Everything the suite found, by route, printed once at the end so the whole list can be handed to
 * whoever fixes the pages (a failing assertion shows only its own test's part).
 */
export interface Finding {
  route: string;
  check: string;
  detail: string;
}

const findings: Finding[] = [];
const outcomes = { passed: 0, failed: 0 };

/** Counts one leaf check (node:test also counts the route tests that hold them). */
export function countCheck(ok: boolean): void {
  outcomes[ok ? 'passed' : 'failed']++;
}

export function checkCounts(): string {
  return `# checks (leaf tests only): ${outcomes.passed + outcomes.failed} run, ${outcomes.failed} failing`;
}

export function recordFindings(route: string, check: string, details: readonly string[]): void {
  for (const detail of details) findings.push({ route, check, detail });
}

export function allFindings(): readonly Finding[] {
  return findings;
}

export function formatFindings(): string {
  if (findings.length === 0) return '# findings: none';
  const lines = [`# findings: ${findings.length}`];
  const byRoute = new Map<string, Finding[]>();
  for (const f of findings) byRoute.set(f.route, [...(byRoute.get(f.route) ?? []), f]);
  for (const [route, list] of byRoute) {
    lines.push(`#   ${route}`);
    for (const f of list) lines.push(`#     [${f.check}] ${f.detail.replace(/\n/g, ' ')}`);
  }
  return lines.join('\n');
}

/** The assertion message of a check: what it found, one line each. */
export function describeProblems(what: string, details: readonly string[]): string {
  return `${details.length} ${what}:\n  ${details.join('\n  ')}`;
}
