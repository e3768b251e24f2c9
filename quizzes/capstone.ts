/**
 * Quiz for docs/lessons/capstone.mdx: Lumen's booking service. Keys follow the brief's numbers and
 * the course's rules (k ÷ (n − 1) per AZ, the engine's failover time, fair-share steal); the
 * validator runs each against the engine, and the design task is graded by it. Each wrong answer
 * names the misconception it diagnoses (quizzes/misconceptions.ts) or is marked as a slip.
 */
import { findRegion, rttMs, type Report } from '@site/sim';
import { defineQuiz, engineQuestion, task } from './define';
import { databaseSurvives, noLostWrites, pausesAtMost, residencyRespected, servesAfterEveryOutage, withinBudget } from './goals';
import { azNames, launchOneByOne, oneHost, region } from './worlds';

const hour = 3600;
const cities = { Berlin: { lat: 52.52, lon: 13.405 }, Paris: { lat: 48.8566, lon: 2.3522 } } as const;
/** The author's key: in each city there is an EU region (Frankfurt is the nearest to Berlin). */
const nearestEu = { Berlin: 'eu-central-1', Paris: 'eu-west-3' } as const;
const candidates = ['eu-central-1', 'eu-west-3', 'eu-west-2', 'eu-north-1', 'eu-south-1'];
const regionLabel = (code: string) => `${findRegion(code)?.name ?? code}, ${code}`;
const flagged = (r: Report, code: string) => r.metrics.residencyViolations.some((v) => v.region === code);

/** Lumen's web tier as the lesson designs it: a group of 6 over three AZs, with a database and its standby. */
const lumen = (failoverSeconds: number) => ({
  name: 'Lumen: 6 web VMs in a group, database with a standby',
  regions: [region('eu-central-1', 3)],
  service: { vms: 'web', minServing: 4 },
  database: { name: 'bookings', region: 'eu-central-1', az: 'eu-central-1a', standby: { az: 'eu-central-1b' }, failoverSeconds },
  actions: [
    { at: 0, group: { name: 'web', desired: 6, vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } },
    { at: 600, fail: { az: 'eu-central-1a' } },
  ],
});

export default defineQuiz({
  lesson: 'capstone',
  title: 'Putting it together',
  questions: [
    engineQuestion({
      id: 'nearest-eu-region',
      skill: 'design',
      params: { city: ['Berlin', 'Paris'] },
      prompt: 'Lumen’s data must stay in the EU. For users in {city}, which allowed region has the lowest round trip in the simulation?',
      scenario: () => ({
        name: 'Candidate regions under the EU rule',
        regions: candidates.map((c) => region(c, 1)),
        residency: { dataset: 'bookings', allowed: ['EU'] },
        actions: candidates.map((c, i) => ({ at: 0, launch: { name: `probe${i + 1}`, vcpu: 2, memoryGiB: 4, region: c } })),
      }),
      ask: {
        type: 'choice',
        key: (p) => nearestEu[p.city],
        distractors: [
          {
            value: 'eu-west-2',
            feedback: 'London is close, but it is outside the EU: the rule removes it before latency counts.',
            misconception: 'europe-means-eu',
          },
          { value: (p) => (p.city === 'Berlin' ? 'eu-west-3' : 'eu-central-1'), feedback: 'Allowed, but not the nearest to {city}.', slip: 'estimate' },
          { value: 'eu-north-1', feedback: 'Allowed, but further away.', slip: 'estimate' },
        ],
        format: (v) => regionLabel(String(v)),
        read: (r, p) =>
          r.regions
            .filter((x) => !flagged(r, x.id))
            .map((x) => ({ id: x.id, ms: rttMs(cities[p.city], findRegion(x.id)!.location) }))
            .sort((a, b) => a.ms - b.ms)[0].id,
      },
      measures: (r, p) =>
        r.regions.map((x) => ({
          label: regionLabel(x.id),
          value: `${rttMs(cities[p.city], findRegion(x.id)!.location)} ms from ${p.city}${flagged(r, x.id) ? ', outside the EU rule' : ''}`,
        })),
      hints: ['Residency first, then latency.'],
      explanation: 'Cross out the regions the EU rule forbids (London), then take the nearest: the one in or next to {city}.',
    }),

    engineQuestion({
      id: 'vms-per-host',
      skill: 'calculate',
      params: { oc: [1, 2] },
      prompt: 'A host of 16 cores and 64 GiB with a type 1 hypervisor (it keeps 1 GiB), CPU overcommit {oc}. How many of Lumen’s web VMs (2 vCPUs, 4 GiB) fit?',
      scenario: (p) => ({
        name: `Web VMs on one host, CPU overcommit ${p.oc}`,
        regions: [oneHost({ cores: 16, memoryGiB: 64 })],
        policy: { cpuOvercommit: p.oc },
        actions: launchOneByOne(20, { name: 'web', vcpu: 2, memoryGiB: 4, region: 'eu-central-1' }),
      }),
      ask: {
        type: 'numeric',
        key: (p) => Math.min((16 * p.oc) / 2, Math.floor(63 / 4)),
        unit: 'VMs',
        tolerance: 0,
        distractors: [
          {
            value: (p) => (p.oc === 1 ? 15 : 16),
            feedback: 'That is the limit of the resource that does not run out first.',
            misconception: 'one-resource-decides',
          },
        ],
        read: (r) => r.vms.length,
      },
      hints: ['CPU: 16 × {oc} ÷ 2. Memory: (64 − 1) ÷ 4, rounded down.'],
      explanation: 'The smaller of 16 × {oc} ÷ 2 (CPU) and 15 (memory).',
    }),

    engineQuestion({
      id: 'busy-hour-steal',
      skill: 'calculate',
      params: { busy: [75, 100] },
      prompt:
        'You overcommit the CPU 2 to 1 and fill the host with 15 web VMs of 2 vCPUs. At the busiest hour each is {busy}% busy. How much steal time does each VM see, in percent?',
      scenario: (p) => ({
        name: `15 web VMs at ${p.busy}%`,
        regions: [oneHost({ cores: 16, memoryGiB: 64 })],
        policy: { cpuOvercommit: 2 },
        actions: [{ at: 0, launch: { name: 'web', count: 15, vcpu: 2, memoryGiB: 4, region: 'eu-central-1', busy: p.busy / 100 } }],
      }),
      ask: {
        type: 'numeric',
        key: (p) => (1 - 16 / (30 * (p.busy / 100))) * 100,
        unit: '%',
        tolerance: 0.1,
        distractors: [
          { value: 0, feedback: 'The VMs fit, but together they want more cores than the host has.', misconception: 'overcommit-is-free' },
          { value: (p) => ((30 * (p.busy / 100) - 16) / 16) * 100, feedback: 'Divide by what the VMs ask for, not by the cores.', slip: 'arithmetic' },
        ],
        read: (r) => r.vms[0].stealPercent,
      },
      hints: ['Demand: 15 × 2 × {busy}% cores, against 16.'],
      explanation:
        'The VMs want 30 × {busy}% cores and share 16: each gets 16 ÷ demand of what it asks, and waits for the rest. At the busiest hour that is a real slowdown.',
    }),

    engineQuestion({
      id: 'booking-pause',
      skill: 'predict',
      params: { failover: [45, 60, 120] },
      prompt:
        'Lumen runs a group of 6 web VMs over eu-central-1a, b and c (it needs 4), and its database in eu-central-1a with a synchronous standby in eu-central-1b that takes {failover} s to fail over in this simulation. eu-central-1a fails. For how many seconds can nobody book?',
      scenario: (p) => lumen(p.failover),
      ask: {
        type: 'numeric',
        key: (p) => p.failover,
        unit: 's',
        tolerance: 0,
        distractors: [
          { value: 90, feedback: 'The group takes about 90 s to refill, but 4 VMs still serve meanwhile: that is enough.', slip: 'reading' },
          {
            value: 0,
            feedback: 'The web tier survives, but the database is unavailable until the standby takes over.',
            misconception: 'web-tier-is-the-service',
          },
        ],
        read: (r) => r.metrics.downtimeSeconds,
      },
      explainWrong:
        'You answered {answer}; the engine counts {engine} of downtime. Look at the database line and the timeline: the web VMs never drop below 4.',
      hints: ['The web tier keeps 4 VMs. What else does a booking need?'],
      explanation: 'Two VMs are lost but 4 still serve, so the web tier never stops; the bookings pause only while the standby takes over: {failover} s.',
    }),

    engineQuestion({
      id: 'after-az-loss',
      skill: 'predict',
      prompt:
        'In Lumen’s design (database failover set to 45 s in the simulation), eu-central-1a fails at 600 s. Put what happens in the order the engine shows it.',
      scenario: () => lumen(45),
      ask: {
        type: 'ordering',
        items: [
          { id: 'db-down', text: 'Bookings stop: the database is unavailable' },
          { id: 'db-back', text: 'The standby in eu-central-1b is the new primary' },
          { id: 'replace', text: 'The group terminates the lost VMs to replace them' },
          { id: 'running', text: 'The replacement VMs run' },
        ],
        mistakes: [
          {
            first: 'db-back',
            then: 'replace',
            misconception: 'replacement-is-instant',
            feedback: 'The group notices the lost VMs only after its 60 s health check, and the 45 s failover is over by then.',
          },
        ],
        read: (r) => {
          const ids: Record<string, string> = {
            'db-unavailable': 'db-down',
            'db-failover-complete': 'db-back',
            'group-replacing': 'replace',
            running: 'running',
          };
          return [...new Set(r.events.filter((e) => e.time >= 600 && e.kind in ids).map((e) => ids[e.kind]))];
        },
      },
      hints: ['In this simulation the failover takes 45 s; the group notices after 60 s, and new VMs are pending for 30 s.'],
      explanation: 'At 600 s the database goes down; at 645 s the standby is primary; at 660 s the group notices; at 690 s the replacements run.',
    }),

    engineQuestion({
      id: 'region-outage',
      skill: 'predict',
      params: { replica: ['eu-west-3', 'eu-west-2'] },
      prompt:
        'Lumen adds an asynchronous replica of the database in {replica} (lag 1 s). Then the whole eu-central-1 region fails. Which statements are true at the end of the hour?',
      scenario: (p) => ({
        name: `Region outage with a replica in ${p.replica}`,
        regions: [region('eu-central-1', 3), region(p.replica, 1)],
        residency: { dataset: 'bookings', allowed: ['EU'] },
        database: {
          name: 'bookings',
          region: 'eu-central-1',
          az: 'eu-central-1a',
          standby: { az: 'eu-central-1b' },
          replica: { region: p.replica, lagSeconds: 1 },
        },
        actions: [
          { at: 0, launch: { name: 'web', count: 6, vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } },
          { at: 600, fail: { region: 'eu-central-1' } },
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'db-back',
            text: 'The database is available again, in {replica}.',
            correct: true,
            holds: (r, p) => !!r.database?.available && r.database.primary.region === p.replica,
            missed: {
              misconception: 'outage-spreads-across-regions',
              feedback: 'The replica is in another region, outside the outage; it is promoted and takes the writes.',
            },
          },
          {
            id: 'no-loss',
            text: 'No confirmed booking was lost.',
            correct: false,
            holds: (r) => r.database!.lostWrites === 0,
            feedback: 'An asynchronous replica trails by its lag: the last second of bookings is lost.',
            misconception: 'async-replica-loses-nothing',
          },
          {
            id: 'in-eu',
            text: 'Every copy of the data stayed in the EU.',
            correct: (p) => p.replica === 'eu-west-3',
            holds: (r) => r.metrics.residencyViolations.length === 0,
            missed: {
              slip: 'reading',
              feedback: 'eu-west-3 is Paris, in France, an EU member state: the primary, its standby and the replica all stay in the EU.',
            },
            feedback: 'eu-west-2 is London: outside the EU, so the replica itself breaks the rule.',
            misconception: 'europe-means-eu',
          },
          {
            id: 'web-serves',
            text: 'The web VMs in eu-central-1 keep serving.',
            correct: false,
            holds: (r) => r.metrics.servingVms > 0,
            feedback: 'They are all in the failed region, whatever their AZ.',
            misconception: 'multi-az-survives-region',
          },
        ],
      },
      hints: ['Which copy is asynchronous? Where is London?'],
      explanation:
        'The replica is promoted and the database comes back with its lag lost; the web tier is gone with the region. A replica in London would survive too, but break the residency rule.',
    }),

    engineQuestion({
      id: 'night-scale-in',
      skill: 'design',
      prompt:
        'Lumen’s web VMs keep nothing on their own disks (100 GiB each). To try both ways of shrinking at night, at 20:00 web-4 is stopped and web-5 is terminated. Which statements about the next morning hold in the simulation?',
      scenario: () => ({
        name: 'Stop or terminate at night',
        until: 24 * hour,
        regions: [region('eu-central-1', 3)],
        timings: { pendingSeconds: 0 },
        actions: [
          { at: 0, launch: { name: 'web', count: 6, vcpu: 2, memoryGiB: 4, diskGiB: 100, region: 'eu-central-1' } },
          { at: 20 * hour, stop: { vm: 'web-4' } },
          { at: 20 * hour, terminate: { vm: 'web-5' } },
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'stopped-bills',
            text: 'The stopped VM has cost more than the terminated one: its disk kept billing all night.',
            correct: true,
            holds: (r) => r.vms.find((v) => v.name === 'web-4')!.costUsd > r.vms.find((v) => v.name === 'web-5')!.costUsd,
            missed: {
              misconception: 'stopped-costs-nothing',
              feedback: 'web-4 pays no compute while stopped, but its 100 GiB disk still exists and bills all night.',
            },
          },
          {
            id: 'stopped-free',
            text: 'Stopping cost nothing overnight, so it is the cheaper way to shrink.',
            correct: false,
            holds: (r) => r.vms.find((v) => v.name === 'web-4')!.costUsd <= r.vms.find((v) => v.name === 'web-5')!.costUsd,
            feedback: 'The stopped VM pays no compute, but its disk bills all night.',
            misconception: 'stopped-costs-nothing',
          },
          {
            id: 'revive',
            text: 'web-5 can be started again in the morning.',
            correct: false,
            holds: (r) => r.vms.find((v) => v.name === 'web-5')!.legalActions.includes('start'),
            feedback: 'Terminated is final; the group would launch a fresh VM instead.',
            misconception: 'terminated-can-return',
          },
        ],
      },
      hints: ['Two bills: compute while running, disk until terminated.'],
      explanation:
        'For VMs that keep nothing on their own disks, terminating at night is the right way to shrink: a stopped VM keeps paying for its disk, and nothing on it is worth keeping. A VM whose data lived on its own disk would be a different story.',
    }),

    {
      kind: 'multiple',
      id: 'not-covered',
      skill: 'design',
      factual: true,
      asOf: '2026-12-02',
      source: 'https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/what-is-a-disaster.html',
      prompt: 'Lumen runs in three AZs of one region with a synchronous standby. Which of these does that design alone not protect against?',
      options: [
        {
          id: 'deleted',
          text: 'Someone drops the bookings table by mistake',
          correct: true,
          feedback: 'The standby copies the mistake with the write itself; only a backup from before helps.',
          missed: {
            misconception: 'replication-protects-deletes',
            feedback: 'A synchronous standby applies the DROP as faithfully as any other write; only a backup from before brings the table back.',
          },
        },
        {
          id: 'region',
          text: 'The whole region goes down',
          correct: true,
          feedback: 'Every AZ is in that region.',
          missed: { misconception: 'multi-az-survives-region', feedback: 'All three AZs are inside the one region, so they go down with it.' },
        },
        {
          id: 'bad-release',
          text: 'A broken release is rolled out to all six VMs at once',
          correct: true,
          feedback: 'Every AZ runs the same broken code: roll out one AZ at a time.',
          missed: { misconception: 'multi-az-survives-bad-deploy', feedback: 'A release rolled out to all six VMs at once breaks every AZ at once.' },
        },
        {
          id: 'one-az',
          text: 'One AZ loses power',
          feedback: 'That is exactly what multi-AZ is for: the other AZs carry on.',
          misconception: 'az-failure-stops-region',
        },
        { id: 'one-host', text: 'One host fails', feedback: 'Losing a host is smaller than losing an AZ: covered.', slip: 'reading' },
      ],
      explanation:
        'Multi-AZ protects against losing a place inside the region. A region outage needs a copy elsewhere; a bad release needs a rollout one AZ at a time; a human mistake needs backups.',
    },

    task({
      id: 'lumen-design',
      skill: 'design',
      prompt:
        'Design Lumen’s busiest hour: choose the region, the web VMs in each of its three AZs (2 vCPUs each), and where the database’s synchronous standby goes (the primary is in the first AZ). It must keep the data in the EU, keep at least 4 VMs serving after the loss of any one AZ, pause bookings for at most 120 s, lose no booking, and cost at most $0.70 for the hour.',
      controls: [
        {
          type: 'choice',
          id: 'where',
          label: 'Region',
          options: ['eu-central-1', 'eu-west-3', 'eu-west-2', 'us-east-1'].map((c) => ({ value: c, label: regionLabel(c) })),
          default: 'eu-central-1',
        },
        { type: 'count', id: 'a', label: 'Web VMs in the first AZ', min: 0, max: 4, default: 2 },
        { type: 'count', id: 'b', label: 'Web VMs in the second AZ', min: 0, max: 4, default: 2 },
        { type: 'count', id: 'c', label: 'Web VMs in the third AZ', min: 0, max: 4, default: 0 },
        {
          type: 'choice',
          id: 'standby',
          label: 'Synchronous standby',
          options: [
            { value: 'none', label: 'none' },
            { value: 'second', label: 'in the second AZ' },
            { value: 'third', label: 'in the third AZ' },
          ],
          default: 'none',
        },
      ],
      scenario: (c) => {
        const zones = azNames(c.where, 3);
        const counts = [c.a, c.b, c.c];
        return {
          name: `Lumen in ${c.where}: ${counts.join('/')} web VMs`,
          regions: [region(c.where, 3)],
          residency: { dataset: 'bookings', allowed: ['EU'] },
          service: { minServing: 4 },
          database: {
            name: 'bookings',
            region: c.where,
            az: zones[0],
            ...(c.standby === 'none' ? {} : { standby: { az: zones[c.standby === 'second' ? 1 : 2] } }),
          },
          actions: counts.flatMap((n, i) =>
            n > 0 ? [{ at: 0, launch: { name: `web${'abc'[i]}`, count: n, vcpu: 2, memoryGiB: 4, region: c.where, az: zones[i] } }] : [],
          ),
        };
      },
      goal: (run) => [
        residencyRespected(run),
        servesAfterEveryOutage(run, 4),
        pausesAtMost(run, 120),
        databaseSurvives(run),
        noLostWrites(run),
        withinBudget(run, 0.7),
      ],
      accept: [
        { where: 'eu-central-1', a: 2, b: 2, c: 2, standby: 'second' },
        { where: 'eu-west-3', a: 2, b: 2, c: 2, standby: 'third' },
      ],
      reject: [
        { config: { where: 'eu-west-2', a: 2, b: 2, c: 2, standby: 'second' }, because: 'residency' },
        { config: { where: 'eu-central-1', a: 2, b: 2, c: 1, standby: 'second' }, because: 'serving' },
        { config: { where: 'eu-central-1', a: 2, b: 2, c: 2, standby: 'none' }, because: 'db-survives' },
        { config: { where: 'eu-central-1', a: 3, b: 3, c: 3, standby: 'second' }, because: 'budget' },
      ],
      diagnoses: {
        residency: { misconception: 'europe-means-eu' },
        serving: { misconception: 'even-spread-is-enough' },
        'db-survives': { misconception: 'web-tier-is-the-service' },
        budget: { slip: 'arithmetic' },
      },
      hints: [
        '4 ÷ (3 − 1) = 2 VMs per AZ.',
        'In the simulation a standby in another AZ fails over in 60 s, under the 120 s limit (AWS says 60 to 120 s is typical for a Multi-AZ DB instance).',
      ],
      explanation:
        'An EU region, 2 web VMs in each AZ (4 left after any loss), and a synchronous standby in another AZ (the engine’s 60 s pause, nothing lost). Six VMs cost about $0.69 for the hour in Frankfurt in the engine’s price list, a little less in Paris.',
    }),
  ],
});
