/**
 * Quiz for docs/lessons/availability-zones.mdx. Keys are the author's arithmetic from the lesson
 * (per-AZ counts, write + round trip, lag x writes); the validator checks each one against the
 * engine. The real-cloud facts (AZ IDs, backups against deletes, read replicas) are sourced and
 * dated. Each wrong answer names the misconception it diagnoses (quizzes/misconceptions.ts) or is
 * marked as a slip.
 */
import { defineQuiz, engineQuestion, task } from './define';
import { databaseSurvives, noLostWrites, survivesEveryOutage, withinBudget } from './goals';
import { azNames, region } from './worlds';

const ue1 = azNames('us-east-1', 3);
const disaster = 'https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/what-is-a-disaster.html';
const readReplicas = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html';

export default defineQuiz({
  lesson: 'availability-zones',
  title: 'Availability zones',
  questions: [
    engineQuestion({
      id: 'one-az-fails',
      skill: 'predict',
      params: { azs: [2, 3, 4], perAz: [2, 3] },
      prompt:
        'A service runs {perAz} VMs in each of {azs} AZs of us-east-1 ({perAz} × {azs} VMs, spread evenly). Ten minutes in, us-east-1a fails and stays down. At the end of the hour, how many VMs serve?',
      scenario: (p) => ({
        name: `${p.perAz} VMs in each of ${p.azs} AZs; us-east-1a fails`,
        regions: [region('us-east-1', p.azs)],
        actions: [
          { at: 0, launch: { name: 'web', count: p.perAz * p.azs, vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          { at: 600, fail: { az: 'us-east-1a' } },
        ],
      }),
      ask: {
        type: 'choice',
        key: (p) => p.perAz * (p.azs - 1),
        distractors: [
          {
            value: (p) => p.perAz * p.azs,
            feedback: 'The VMs in us-east-1a sit in the failed AZ: they are still running, but nothing reaches them.',
            misconception: 'running-means-serving',
          },
          { value: (p) => p.perAz * p.azs - 1, feedback: 'An AZ outage stops every VM in that AZ, not just one.', misconception: 'az-outage-is-one-vm' },
          { value: 0, feedback: 'Only a region outage stops every AZ; the other AZs carry on.', misconception: 'az-failure-stops-region' },
        ],
        unit: 'VMs',
        read: (r) => r.metrics.servingVms,
      },
      explainWrong:
        'You answered {answer}; the engine counts {engine} serving. The rows marked “not serving (az-down)” are the {perAz} VMs that sat in us-east-1a.',
      hints: ['An AZ outage reaches exactly what sits in that AZ.', 'Spread placement put {perAz} VMs in each AZ.'],
      explanation: 'The outage takes out the {perAz} VMs of us-east-1a and nothing else: {perAz} × ({azs} − 1) VMs in the other AZs keep serving.',
    }),

    engineQuestion({
      id: 'bad-deploy',
      skill: 'predict',
      prompt:
        'Six VMs of one service are spread over us-east-1a, b and c. At 600 s a new release, with a bug that crashes the guest, is rolled out to all six at once. Which statements about 900 s are true?',
      at: 900,
      scenario: () => ({
        name: 'A bad release on every AZ at once',
        regions: [region('us-east-1', 3)],
        actions: [
          { at: 0, launch: { name: 'web', count: 6, vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          ...Array.from({ length: 6 }, (_, i) => ({ at: 600, crash: { vm: `web-${i + 1}` } })),
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'none-serve',
            text: 'No VM serves: the release broke every AZ at once.',
            correct: true,
            holds: (r) => r.metrics.servingVms === 0,
            missed: {
              misconception: 'multi-az-survives-bad-deploy',
              feedback: 'All six VMs run the same release, so all six crash, whichever AZ they are in.',
            },
          },
          {
            id: 'azs-contain',
            text: 'The VMs in us-east-1b and us-east-1c keep serving: spreading over AZs contains the failure.',
            correct: false,
            holds: (r) => r.vms.some((v) => v.serving && v.az !== 'us-east-1a'),
            feedback: 'AZs contain failures of a place. The same broken release runs in every place.',
            misconception: 'multi-az-survives-bad-deploy',
          },
          {
            id: 'moved',
            text: 'The crashed VMs have been started again on healthy hosts.',
            correct: false,
            holds: (r) => r.vms.some((v) => v.serving),
            feedback: 'Nothing restarts them: the hosts are healthy, the guests crashed, and they stay down until someone acts.',
            misconception: 'provider-moves-vms',
          },
        ],
      },
      hints: ['Which failures do AZs keep apart: failures of a place, or of the code that runs in every place?'],
      explanation:
        'Multi-AZ protects against losing a place. A release rolled out to every AZ at once breaks every AZ at once. Roll out one AZ at a time and watch before going on, as AWS does with its own changes.',
    }),

    engineQuestion({
      id: 'group-after-outage',
      skill: 'predict',
      params: { size: [3, 6] },
      prompt:
        'The same group of {size} VMs over us-east-1a, b and c; us-east-1a fails at 600 s and stays down. Which statements about the end of the hour are true?',
      scenario: (p) => ({
        name: `A group of ${p.size}, us-east-1a down`,
        regions: [region('us-east-1', 3)],
        actions: [
          { at: 0, group: { name: 'web', desired: p.size, vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          { at: 600, fail: { az: 'us-east-1a' } },
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'full-again',
            text: 'The group has {size} VMs serving again.',
            correct: true,
            holds: (r, p) => r.groups[0].serving === p.size,
            missed: {
              misconception: 'group-grows-after-loss',
              feedback: 'The group keeps its desired count: by the end of the hour its replacements have launched and serve.',
            },
          },
          {
            id: 'healthy-azs',
            text: 'Every VM that serves runs in us-east-1b or us-east-1c.',
            correct: true,
            holds: (r) => r.vms.filter((v) => v.serving).every((v) => v.az === 'us-east-1b' || v.az === 'us-east-1c'),
            missed: {
              misconception: 'running-means-serving',
              feedback: 'Whatever is left in us-east-1a is cut off while its AZ is down: no request reaches it, running or not.',
            },
          },
          {
            id: 'kept-waiting',
            text: 'The VMs that were in us-east-1a are kept, waiting for their AZ to come back.',
            correct: false,
            holds: (r) => r.vms.some((v) => v.az === 'us-east-1a' && v.state !== 'terminated'),
            feedback: 'The group terminated them after its health check and launched replacements elsewhere.',
            misconception: 'group-grows-after-loss',
          },
          {
            id: 'grew',
            text: 'The group now wants more VMs than before, to make up for the lost AZ.',
            correct: false,
            holds: (r, p) => r.groups[0].desired > p.size,
            feedback: 'The desired count does not change: the group only replaces what it lost.',
            misconception: 'group-grows-after-loss',
          },
          {
            id: 'quick',
            text: 'Replacements were running within 30 s of the failure.',
            correct: false,
            holds: (r) => r.events.some((e) => e.kind === 'running' && e.time > 600 && e.time <= 630),
            feedback: 'The group first notices (its health check waits 60 s), then each replacement is pending before it runs.',
            misconception: 'replacement-is-instant',
          },
        ],
      },
      hints: ['A group keeps a desired count; it does not change it by itself (without a scaling policy).'],
      explanation:
        'The group replaced the lost members in the healthy AZs and terminated the old ones: it is back to {size} serving VMs, all in us-east-1b and us-east-1c.',
    }),

    engineQuestion({
      id: 'standby-write-time',
      skill: 'predict',
      params: { writeMs: [2, 3, 5], rtt: [1, 2] },
      prompt:
        'A database write takes {writeMs} ms on its own. You add a synchronous standby in another AZ; the round trip between the AZs is {rtt} ms. How long does each write take now, in ms?',
      scenario: (p) => ({
        name: 'A database with a synchronous standby',
        regions: [region('eu-central-1', 3)],
        network: { interAzRttMs: p.rtt },
        database: { region: 'eu-central-1', az: 'eu-central-1a', standby: { az: 'eu-central-1b' }, writeMs: p.writeMs },
        actions: [{ at: 0, launch: { name: 'web', count: 3, vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } }],
      }),
      ask: {
        type: 'numeric',
        key: (p) => p.writeMs + p.rtt,
        unit: 'ms',
        tolerance: 0,
        distractors: [
          {
            value: (p) => p.writeMs,
            feedback: 'A synchronous standby must confirm each write before the primary says “done”: that costs a round trip.',
            misconception: 'sync-replication-is-free',
          },
          {
            value: (p) => p.writeMs + 2 * p.rtt,
            feedback: 'The copy goes to the standby and the confirmation comes back: that is one round trip, not two.',
            misconception: 'round-trip-is-one-way',
          },
        ],
        read: (r) => r.database!.writeLatencyMs,
      },
      hints: ['Look at the sequence diagram in the lesson: how many trips between the AZs does one write make?'],
      explanation: 'Each write waits for one round trip to the standby: {writeMs} + {rtt} ms. That is why AZs must be close together.',
    }),

    engineQuestion({
      id: 'replica-loses-lag',
      skill: 'calculate',
      params: { lag: [2, 5, 10], wps: [100, 200] },
      prompt:
        'A database in us-east-1 has an asynchronous replica in us-west-2 that trails by {lag} s. It takes {wps} writes per second. The whole of us-east-1 fails and the replica is promoted. How many committed writes are lost?',
      scenario: (p) => ({
        name: 'Region outage with an asynchronous replica',
        regions: [region('us-east-1', 2), region('us-west-2', 1)],
        database: {
          region: 'us-east-1',
          az: 'us-east-1a',
          standby: { az: 'us-east-1b' },
          replica: { region: 'us-west-2', lagSeconds: p.lag },
          writesPerSecond: p.wps,
        },
        actions: [
          { at: 0, launch: { name: 'web', count: 2, vcpu: 2, memoryGiB: 4, region: 'us-west-2' } },
          { at: 900, fail: { region: 'us-east-1' } },
        ],
      }),
      ask: {
        type: 'numeric',
        key: (p) => p.lag * p.wps,
        unit: 'writes',
        tolerance: 0,
        distractors: [
          {
            value: 0,
            feedback: 'Zero is what a synchronous standby loses; here the standby went down with the region, and the replica is asynchronous.',
            misconception: 'async-replica-loses-nothing',
          },
          { value: (p) => p.lag, feedback: 'The lag is {lag} seconds; at {wps} writes per second, how many writes is that?', slip: 'unit' },
        ],
        read: (r) => r.database!.lostWrites,
      },
      hints: ['The recovery point of an asynchronous replica is its lag.'],
      explanation:
        'The replica had every write except the last {lag} s: {lag} s × {wps} writes/s are lost. The standby could not help: it was in the same region.',
    }),

    engineQuestion({
      id: 'failover-sequence',
      skill: 'predict',
      prompt:
        'A database has its primary in eu-central-1a and a synchronous standby in eu-central-1b. eu-central-1a fails at 1200 s and recovers at 2400 s. Put what happens to the database in the order the engine shows it.',
      scenario: () => ({
        name: 'Failover to a synchronous standby, then the old AZ returns',
        until: 3000,
        regions: [region('eu-central-1', 3)],
        database: { region: 'eu-central-1', az: 'eu-central-1a', standby: { az: 'eu-central-1b' } },
        actions: [
          { at: 0, launch: { name: 'web', count: 3, vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } },
          { at: 1200, fail: { az: 'eu-central-1a' } },
          { at: 2400, recover: { az: 'eu-central-1a' } },
        ],
      }),
      ask: {
        type: 'ordering',
        items: [
          { id: 'unavailable', text: 'The database stops taking writes' },
          { id: 'started', text: 'Failover to the standby begins' },
          { id: 'complete', text: 'The standby in eu-central-1b is the new primary' },
          { id: 'restored', text: 'A standby in eu-central-1a is in sync again' },
        ],
        mistakes: [
          {
            first: 'unavailable',
            then: 'started',
            misconception: 'failover-is-instant',
            feedback: 'The failover starts because the primary is gone: writes stop first, and stay stopped until the standby is promoted.',
          },
        ],
        read: (r) => {
          const ids: Record<string, string> = {
            'db-unavailable': 'unavailable',
            'db-failover-started': 'started',
            'db-failover-complete': 'complete',
            'standby-restored': 'restored',
          };
          const order = r.events.filter((e) => e.kind in ids).map((e) => ids[e.kind]);
          return [...new Set(order)];
        },
      },
      hints: ['A failover is not instant: it has a start and an end.', 'Where does the new standby live once eu-central-1a is back?'],
      explanation:
        'The primary’s AZ fails, so writes stop; the standby is promoted, which takes the failover time (60 s here); when eu-central-1a comes back, it hosts the new standby and replication is synchronous again.',
    }),

    engineQuestion({
      id: 'region-outage',
      skill: 'predict',
      params: { region: ['us-east-1', 'eu-central-1'] },
      prompt: 'Six VMs are spread over three AZs of {region}. At 600 s the whole region fails. How many VMs serve at the end of the hour?',
      scenario: (p) => ({
        name: `Six VMs over three AZs; ${p.region} fails`,
        regions: [region(p.region, 3)],
        actions: [
          { at: 0, launch: { name: 'web', count: 6, vcpu: 2, memoryGiB: 4, region: p.region } },
          { at: 600, fail: { region: p.region } },
        ],
      }),
      ask: {
        type: 'choice',
        key: 0,
        distractors: [
          {
            value: 4,
            feedback: 'That is what losing one AZ leaves. A region outage takes every AZ of the region at once.',
            misconception: 'multi-az-survives-region',
          },
          {
            value: 6,
            feedback: 'Multi-AZ protects against losing a place inside the region, not the region itself.',
            misconception: 'multi-az-survives-region',
          },
        ],
        unit: 'VMs',
        read: (r) => r.metrics.servingVms,
      },
      explainWrong: 'You answered {answer}; the engine counts {engine}: every VM’s reason is “region-down”.',
      hints: ['All your AZs are in one region.'],
      explanation: 'Every AZ sits inside the region, so all six VMs stop serving. Surviving a region outage takes a copy in a second region.',
    }),

    {
      kind: 'single',
      id: 'az-ids',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html',
      prompt:
        'Two teams with separate AWS accounts, created years ago, each put a VM in “us-east-1a” to be as close as possible. The round trip between the VMs is far higher than within one zone. What is the most likely reason (AWS, as of 2026-12-02)?',
      options: [
        { id: 'mapping', text: 'Their “us-east-1a” are different physical zones: they should compare AZ IDs such as use1-az1', correct: true },
        {
          id: 'network',
          text: 'The network is faulty: both VMs are in the same zone, so they must be close',
          feedback: 'In the older regions, AZ names were mapped to physical zones separately for each account (before November 2025).',
          misconception: 'az-names-are-global',
        },
        {
          id: 'building',
          text: 'Nothing is wrong: an AZ is one building, and crossing it takes that long',
          feedback: 'An AZ is one or more data centres close enough for single-digit millisecond round trips; a long round trip points to two different zones.',
          misconception: 'az-is-one-building',
        },
      ],
      hints: ['Does “us-east-1a” name the same physical zone in every account?'],
      explanation:
        'An AZ ID names the same physical zone in every account; an AZ name may not, in the older regions and for accounts created before November 2025. Teams that need the same zone compare AZ IDs.',
    },

    {
      kind: 'single',
      id: 'drop-table',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: disaster,
      prompt:
        'At 14:02 someone runs DROP TABLE bookings on the primary database. It has a synchronous standby in another AZ and an asynchronous replica in another region that trails by a second. It is now 14:10. What brings the table back?',
      options: [
        { id: 'backup', text: 'A backup, or a point-in-time restore, from before 14:02', correct: true },
        {
          id: 'failover',
          text: 'Failing over to the synchronous standby',
          feedback: 'The standby received the DROP with the write itself: it has no table either.',
          misconception: 'replication-protects-deletes',
        },
        {
          id: 'replica',
          text: 'Promoting the replica in the other region: it lags, so it still has the table',
          feedback: 'It lags by a second, not eight minutes: it applied the DROP long ago.',
          misconception: 'replica-is-a-backup',
        },
      ],
      hints: ['Replication keeps a copy of now. What keeps a copy of before?'],
      explanation:
        'Replication, synchronous or not, copies every change, the mistakes included. Only a copy of before (a backup, point-in-time recovery) undoes a delete; AWS counts such human actions among the disasters to plan for.',
    },

    {
      kind: 'single',
      id: 'replica-promotion',
      skill: 'recall',
      factual: true,
      asOf: '2026-12-02',
      source: readReplicas,
      prompt:
        'An Amazon RDS database has a read replica but no Multi-AZ standby. Its primary instance fails. What happens to writes, by default (AWS, as of 2026-12-02)?',
      options: [
        { id: 'wait', text: 'They fail until someone, or their automation, promotes the replica', correct: true },
        {
          id: 'auto',
          text: 'The read replica takes over by itself within a minute or two',
          feedback: 'Automatic failover is what a Multi-AZ standby does; a read replica is promoted on request.',
          misconception: 'replica-fails-over-itself',
        },
        {
          id: 'instant',
          text: 'Nothing is noticed: the replica already answers reads, so it answers writes at once',
          feedback: 'A replica is read-only until promoted, and promotion takes time.',
          misconception: 'failover-is-instant',
        },
      ],
      hints: ['Which copy fails over automatically: a standby or a read replica?'],
      explanation:
        'An RDS read replica becomes a standalone database when it is promoted (a manual step, or your own automation). A Multi-AZ standby is what fails over automatically, typically in 60 to 120 seconds.',
    },

    task({
      id: 'survive-an-az',
      skill: 'design',
      prompt:
        'The service needs 4 VMs serving at all times. Choose how many VMs (2 vCPUs each) to run in each AZ of us-east-1 so that it stays up through the loss of any one AZ, for at most $0.60 for the hour.',
      controls: [
        { type: 'count', id: 'a', label: 'VMs in us-east-1a', min: 0, max: 4, default: 1 },
        { type: 'count', id: 'b', label: 'VMs in us-east-1b', min: 0, max: 4, default: 1 },
        { type: 'count', id: 'c', label: 'VMs in us-east-1c', min: 0, max: 4, default: 1 },
      ],
      scenario: (c) => ({
        name: `Web tier ${c.a}/${c.b}/${c.c} over us-east-1a/b/c`,
        regions: [region('us-east-1', 3)],
        service: { minServing: 4 },
        actions: (
          [
            ['a', c.a],
            ['b', c.b],
            ['c', c.c],
          ] as const
        )
          .filter(([, n]) => n > 0)
          .map(([az, n]) => ({ at: 0, launch: { name: `web-${az}`, count: n, vcpu: 2, memoryGiB: 4, region: 'us-east-1', az: `us-east-1${az}` } })),
      }),
      goal: (run) => [survivesEveryOutage(run), withinBudget(run, 0.6)],
      accept: [{ a: 2, b: 2, c: 2 }],
      reject: [
        { config: { a: 4, b: 0, c: 0 }, because: 'survives' },
        { config: { a: 2, b: 2, c: 1 }, because: 'survives' },
        { config: { a: 3, b: 2, c: 2 }, because: 'budget' },
        { config: { a: 4, b: 4, c: 4 }, because: 'budget' },
      ],
      diagnoses: { survives: { misconception: 'even-spread-is-enough' }, budget: { slip: 'arithmetic' } },
      hints: ['With three AZs, losing one leaves two. How many must each of those two hold?', 'The lesson’s rule: k ÷ (n − 1) per AZ, rounded up.'],
      explanation:
        'Two per AZ: losing any AZ leaves 4. Seven or more VMs cost more than $0.60 for the hour; fewer than two in some AZ leaves fewer than 4 when another AZ fails.',
    }),

    task({
      id: 'database-copies',
      skill: 'design',
      prompt:
        'Place a database in us-east-1 so that, whichever single AZ fails, it is available again afterwards and no committed write is lost. Choose the primary’s AZ, an optional synchronous standby, and an optional asynchronous replica in us-west-2.',
      controls: [
        { type: 'choice', id: 'primary', label: 'Primary AZ', options: ue1.map((az) => ({ value: az, label: az })), default: 'us-east-1a' },
        {
          type: 'choice',
          id: 'standby',
          label: 'Synchronous standby',
          options: [{ value: 'none', label: 'none' }, ...ue1.map((az) => ({ value: az, label: az }))],
          default: 'none',
        },
        { type: 'toggle', id: 'replica', label: 'Asynchronous replica in us-west-2', default: false },
      ],
      scenario: (c) => ({
        name: 'Where the database lives',
        regions: [region('us-east-1', 3), region('us-west-2', 1)],
        database: {
          region: 'us-east-1',
          az: c.primary,
          ...(c.standby === 'none' ? {} : { standby: { az: c.standby } }),
          ...(c.replica ? { replica: { region: 'us-west-2', lagSeconds: 2 } } : {}),
        },
        actions: [{ at: 0, launch: { name: 'web', count: 6, vcpu: 2, memoryGiB: 4, region: 'us-east-1' } }],
      }),
      goal: (run) => [databaseSurvives(run), noLostWrites(run)],
      accept: [
        { primary: 'us-east-1a', standby: 'us-east-1b', replica: false },
        { primary: 'us-east-1c', standby: 'us-east-1a', replica: true },
      ],
      reject: [
        { config: { primary: 'us-east-1a', standby: 'none', replica: false }, because: 'db-survives' },
        { config: { primary: 'us-east-1a', standby: 'none', replica: true }, because: 'no-loss' },
        { config: { primary: 'us-east-1b', standby: 'us-east-1b', replica: false }, because: 'valid-world' },
      ],
      diagnoses: {
        'db-survives': { misconception: 'standby-anywhere-is-safe' },
        'no-loss': { misconception: 'async-replica-loses-nothing' },
        'valid-world': { misconception: 'standby-anywhere-is-safe' },
      },
      hints: ['Which copy is confirmed before a write commits, and which trails behind?', 'A standby in the primary’s own AZ fails with it.'],
      explanation:
        'A synchronous standby in another AZ takes over after the failover time with nothing lost. A replica alone also brings the database back, but it loses the writes of its lag.',
    }),
  ],
});
