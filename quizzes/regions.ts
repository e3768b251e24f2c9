/**
 * Quiz for docs/lessons/regions.mdx. Latency keys come from the lesson's rule of thumb (3 ms plus
 * 16.5 ms of round trip per 1,000 km) and from geography; price keys from the engine's dated price list
 * (m5.large per hour), written here as literals; the validator runs each against the engine. The
 * one real-cloud fact (global control planes in us-east-1) is sourced and dated. Each wrong answer
 * names the misconception it diagnoses (quizzes/misconceptions.ts) or is marked as a slip.
 */
import { findRegion, rttMs, type Report } from '@site/sim';
import { defineQuiz, engineQuestion } from './define';
import { region } from './worlds';

/** m5.large on-demand, USD per hour, as the lesson's region explorer shows them (priced 2025-10-28). */
const hourly = {
  'us-east-1': 0.096,
  'eu-central-1': 0.115,
  'eu-north-1': 0.102,
  'eu-west-1': 0.107,
  'eu-west-2': 0.111,
  'ap-southeast-1': 0.12,
} as const;

const courseRegions = ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-southeast-1'] as const;

const cities = {
  Berlin: { lat: 52.52, lon: 13.405 },
  Warsaw: { lat: 52.2297, lon: 21.0122 },
  'New York': { lat: 40.7128, lon: -74.006 },
  Tokyo: { lat: 35.6762, lon: 139.6503 },
  Sydney: { lat: -33.8688, lon: 151.2093 },
} as const;
type City = keyof typeof cities;

/** The author's key, from geography: the course region nearest to each city on the globe. */
const nearest: Record<City, string> = {
  Berlin: 'eu-central-1',
  Warsaw: 'eu-central-1',
  'New York': 'us-east-1',
  Tokyo: 'ap-southeast-1',
  Sydney: 'ap-southeast-1',
};

/** Straight-line distances from Frankfurt to each region's metro (Ashburn, Singapore, Manama), rounded as the prompt quotes them. */
const kmFromFrankfurt = { 'us-east-1': 6500, 'ap-southeast-1': 10300, 'me-south-1': 4400 } as const;

/** The lesson's rule of thumb: 3 ms, plus twice the distance × 1.65 for detours at 200 km per ms (16.5 ms per 1,000 km). */
const ruleOfThumbMs = (km: number) => 3 + km * 0.0165;

const regionLabel = (code: string) => `${findRegion(code)?.name ?? code}, ${code}`;

/** Round trip from a city to each region of the world, as the engine's latency model gives it. */
const roundTrips = (r: Report, city: City) => r.regions.map((x) => ({ id: x.id, ms: rttMs(cities[city], findRegion(x.id)!.location) }));

/** A world with one small AZ in each region, and one VM in each: what the residency and cost questions run. */
const oneVmPerRegion = (codes: readonly string[], extra: object = {}) => ({
  regions: codes.map((c) => region(c, 1)),
  timings: { pendingSeconds: 0 },
  actions: codes.map((c, i) => ({ at: 0, launch: { name: `vm${i + 1}`, vcpu: 2, memoryGiB: 8, region: c } })),
  ...extra,
});

const flagged = (r: Report, code: string) => r.metrics.residencyViolations.some((v) => v.region === code);

const globalServices = 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/global-services.html';

export default defineQuiz({
  lesson: 'regions',
  title: 'Regions',
  questions: [
    engineQuestion({
      id: 'nearest-region',
      skill: 'predict',
      params: { city: ['Berlin', 'Warsaw', 'New York', 'Tokyo', 'Sydney'] },
      prompt: 'Your users are in {city}. Of the course’s four regions, which gives them the lowest round trip in the simulation?',
      scenario: () => ({ name: 'The course’s four regions', regions: courseRegions.map((c) => region(c, 1)) }),
      ask: {
        type: 'choice',
        key: (p) => nearest[p.city],
        distractors: [0, 1, 2].map((i) => ({
          value: (p: { city: City }) => courseRegions.filter((c) => c !== nearest[p.city])[i],
          feedback: 'Another region is nearer to {city} on the globe; in the simulation only that distance sets the round trip.',
          slip: 'estimate' as const,
        })),
        format: (v) => regionLabel(String(v)),
        read: (r, p) => roundTrips(r, p.city).sort((a, b) => a.ms - b.ms)[0].id,
      },
      measures: (r, p) => roundTrips(r, p.city).map((x) => ({ label: `${p.city} to ${regionLabel(x.id)}`, value: `${x.ms} ms round trip` })),
      hints: ['In the simulation the round trip grows with the straight-line distance: 3 ms plus 16.5 ms per 1,000 km.'],
      explanation:
        'Only distance counts in the model: the nearest region has the lowest round trip. “Show me” lists the round trip from {city} to each region.',
    }),

    engineQuestion({
      id: 'rule-of-thumb',
      skill: 'calculate',
      params: { to: ['us-east-1', 'ap-southeast-1', 'me-south-1'] },
      given: (p) => ({ name: findRegion(p.to)?.name ?? p.to, km: kmFromFrankfurt[p.to].toLocaleString('en') }),
      prompt:
        'Frankfurt (eu-central-1) and {name} ({to}) are about {km} km apart in a straight line. Using the lesson’s rule of thumb, what is the round trip between them in the simulation, in ms?',
      scenario: (p) => ({ name: `Frankfurt and ${p.to}`, regions: [region('eu-central-1', 1), region(p.to, 1)] }),
      ask: {
        type: 'numeric',
        key: (p) => ruleOfThumbMs(kmFromFrankfurt[p.to]),
        unit: 'ms',
        tolerance: 1.5,
        distractors: [
          {
            value: (p) => kmFromFrankfurt[p.to] * 0.01,
            feedback:
              'That is the round trip on a perfectly straight fibre with nothing on the way; real cables detour (route factor 1.65) and every round trip has a fixed 3 ms.',
            misconception: 'fibre-runs-straight',
          },
          {
            value: (p) => ruleOfThumbMs(kmFromFrankfurt[p.to]) / 2,
            feedback: 'That is one way; a round trip goes there and back.',
            misconception: 'round-trip-is-one-way',
          },
        ],
        read: (r) => rttMs(findRegion(r.regions[0].id)!.location, findRegion(r.regions[1].id)!.location),
      },
      hints: [
        'Light in fibre covers about 200 km per ms; the model adds 65% for detours and a fixed 3 ms.',
        '3 ms plus 16.5 ms per 1,000 km of straight-line distance.',
      ],
      explanation:
        '3 ms + {km} km × 16.5 ms per 1,000 km. The engine measures the great-circle distance between the two regions and applies the same rule (fitted to measured round trips between AWS regions).',
    }),

    {
      kind: 'numeric',
      id: 'fibre-floor',
      skill: 'calculate',
      factual: true,
      asOf: '2026-12-02',
      source: 'http://pt.flukenetworks.com/knowledge-base/dsp-fta-series/index-refraction-dsp-fta-series',
      prompt:
        'Light in optical fibre travels at about 200,000 km per second (glass has a refractive index of about 1.5). Two data centres are joined by 3,000 km of cable. What is the shortest possible round trip between them, in ms?',
      key: 30,
      unit: 'ms',
      tolerance: 1,
      distractors: [
        { value: 15, feedback: 'That is one way; a round trip goes there and back.', misconception: 'round-trip-is-one-way' },
        { value: 20, feedback: 'That is light in a vacuum (300,000 km/s); in glass it is about a third slower.', misconception: 'fibre-at-light-speed' },
        { value: 0.03, feedback: 'Check the units: 6,000 km at 200,000 km per second is 0.03 seconds, in ms that is 30.', slip: 'unit' },
      ],
      hints: ['There and back: 6,000 km. Light in fibre: 200 km per ms.'],
      explanation: '6,000 km there and back at 200 km per ms is 30 ms: a floor no hardware can beat. Real routes add switching and detours on top.',
    },

    engineQuestion({
      id: 'eu-only',
      skill: 'predict',
      prompt:
        'A rule says the data may live only in the European Union. You try one VM holding the data in each of these regions. Which placements does the engine accept without a residency violation?',
      scenario: () => oneVmPerRegion(['eu-central-1', 'eu-west-2', 'eu-north-1', 'eu-west-3'], { residency: { dataset: 'patient data', allowed: ['EU'] } }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'frankfurt',
            text: 'Europe (Frankfurt), eu-central-1',
            correct: true,
            holds: (r) => !flagged(r, 'eu-central-1'),
            missed: { slip: 'reading', feedback: 'Frankfurt is in Germany, an EU member state: the engine accepts data there.' },
          },
          {
            id: 'london',
            text: 'Europe (London), eu-west-2',
            correct: false,
            holds: (r) => !flagged(r, 'eu-west-2'),
            feedback: 'London is in the United Kingdom, which is in Europe but not in the EU.',
            misconception: 'europe-means-eu',
          },
          {
            id: 'stockholm',
            text: 'Europe (Stockholm), eu-north-1',
            correct: true,
            holds: (r) => !flagged(r, 'eu-north-1'),
            missed: {
              misconception: 'eu-means-euro',
              feedback: 'Stockholm is in Sweden, an EU member state (that keeps its own currency): the engine accepts data there.',
            },
          },
          {
            id: 'paris',
            text: 'Europe (Paris), eu-west-3',
            correct: true,
            holds: (r) => !flagged(r, 'eu-west-3'),
            missed: { slip: 'reading', feedback: 'Paris is in France, an EU member state: the engine accepts data there.' },
          },
        ],
      },
      hints: ['“Europe” in a region’s name is not the same as “in the EU”.'],
      explanation: 'Germany, Sweden and France are EU member states; the United Kingdom is not. The engine flags a VM in London as a residency violation.',
    }),

    engineQuestion({
      id: 'far-users',
      skill: 'diagnose',
      prompt:
        'A shop runs two VMs in eu-central-1 (Frankfurt), both nearly idle. Its new customers in Sydney say every page is slow; customers in Berlin do not. Which explanation fits, in the simulation?',
      scenario: () => ({
        name: 'Frankfurt VMs, Sydney customers',
        regions: [region('eu-central-1', 1), region('ap-southeast-2', 1)],
        timings: { pendingSeconds: 0 },
        traffic: { perVmRps: 100, curve: [{ at: 0, rps: 20 }] },
        actions: [{ at: 0, launch: { name: 'web', count: 2, vcpu: 2, memoryGiB: 8, region: 'eu-central-1' } }],
      }),
      ask: {
        type: 'claims',
        multiple: false,
        options: [
          {
            id: 'distance',
            text: 'Distance: each round trip between Sydney and Frankfurt takes over 200 ms, and a page needs several.',
            correct: true,
            holds: (r) => rttMs(findRegion('ap-southeast-2')!.location, findRegion(r.regions[0].id)!.location) > 200,
          },
          {
            id: 'capacity',
            text: 'The VMs are overloaded: two more VMs in Frankfurt would fix it.',
            correct: false,
            holds: (r) => r.metrics.requests!.dropped > 0,
            feedback: 'The VMs drop nothing and Berlin is fast: more of them in Frankfurt leaves every round trip to Sydney as long as before.',
            misconception: 'latency-is-capacity',
          },
          {
            id: 'light',
            text: 'Nothing physical: light in fibre crosses 16,000 km in well under 100 ms, so the delay must be in the software.',
            correct: false,
            holds: (r) => rttMs(findRegion('ap-southeast-2')!.location, findRegion(r.regions[0].id)!.location) < 100,
            feedback: 'Going there and back along real cables, not one way in a straight line, costs far more than that.',
            misconception: 'fibre-runs-straight',
          },
        ],
      },
      measures: (r) => [
        { label: 'Round trip, Sydney to Frankfurt', value: `${rttMs(findRegion('ap-southeast-2')!.location, findRegion(r.regions[0].id)!.location)} ms` },
      ],
      hints: ['Berlin is served by the same VMs, fast. What differs for Sydney?'],
      explanation:
        'The VMs are idle and Berlin is fast, so capacity is not the problem: distance is. Each round trip to Sydney costs over 200 ms in the simulation, and a page makes several. A copy in a region near Sydney is the fix.',
    }),

    engineQuestion({
      id: 'cheapest-allowed',
      skill: 'design',
      prompt: `Data must stay in the EU. In the simulation one reference VM costs, per hour: Frankfurt $${hourly['eu-central-1']}, Stockholm $${hourly['eu-north-1']}, Ireland $${hourly['eu-west-1']}, London $${hourly['eu-west-2']}, N. Virginia $${hourly['us-east-1']}. Which is the cheapest region you may use?`,
      scenario: () => oneVmPerRegion(['eu-central-1', 'eu-north-1', 'eu-west-1', 'eu-west-2', 'us-east-1'], { residency: { allowed: ['EU'] } }),
      ask: {
        type: 'choice',
        key: 'eu-north-1',
        distractors: [
          {
            value: 'us-east-1',
            feedback: 'Cheapest of all, but outside the EU: a region that breaks the rule is not an option at any price.',
            misconception: 'price-before-rules',
          },
          { value: 'eu-west-2', feedback: 'London is in Europe but not in the EU.', misconception: 'europe-means-eu' },
          { value: 'eu-central-1', feedback: 'Frankfurt is allowed, but not the cheapest allowed region: compare the prices again.', slip: 'arithmetic' },
        ],
        format: (v) => regionLabel(String(v)),
        read: (r) => r.vms.filter((vm) => !flagged(r, vm.region)).sort((a, b) => a.costUsd - b.costUsd)[0].region,
      },
      measures: (r) =>
        r.vms.map((vm) => ({
          label: regionLabel(vm.region),
          value: `$${vm.costUsd.toFixed(4)} for the hour${flagged(r, vm.region) ? ', outside the rule' : ''}`,
        })),
      hints: ['Residency first: cross out the regions the rule forbids. Then compare prices.'],
      explanation:
        'Stockholm, eu-north-1, is the cheapest of the allowed regions. N. Virginia is cheaper still, but it breaks the rule, so it is not a choice.',
    }),

    engineQuestion({
      id: 'region-isolation',
      skill: 'predict',
      prompt:
        'You run two VMs in eu-central-1 and two in us-east-1. At 600 s the whole eu-central-1 region fails and stays down. Which statements about the end of the hour are true?',
      scenario: () => ({
        name: 'Two regions, one fails',
        regions: [region('eu-central-1', 2), region('us-east-1', 2)],
        actions: [
          { at: 0, launch: { name: 'fra', count: 2, vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } },
          { at: 0, launch: { name: 'iad', count: 2, vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          { at: 600, fail: { region: 'eu-central-1' } },
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'others-serve',
            text: 'The two VMs in us-east-1 keep serving.',
            correct: true,
            missed: {
              misconception: 'outage-spreads-across-regions',
              feedback: 'The failure stays in eu-central-1: us-east-1 is a separate region, with its own AZs, hosts and power.',
            },
            holds: (r) => r.vms.filter((v) => v.region === 'us-east-1' && v.serving).length === 2,
          },
          {
            id: 'moved',
            text: 'The VMs of eu-central-1 are started again in us-east-1 by themselves.',
            correct: false,
            holds: (r) => r.vms.filter((v) => v.region === 'us-east-1').length > 2,
            feedback: 'Nothing moves by itself between regions: copies in a second region exist only if you build them.',
            misconception: 'provider-moves-vms',
          },
          {
            id: 'frankfurt-down',
            text: 'No VM in eu-central-1 serves.',
            correct: true,
            missed: {
              misconception: 'multi-az-survives-region',
              feedback: 'A region outage reaches every AZ of the region, so it does not matter which of its AZs the two VMs were in.',
            },
            holds: (r) => r.vms.filter((v) => v.region === 'eu-central-1').every((v) => !v.serving),
          },
          {
            id: 'all-down',
            text: 'Nothing serves anywhere: a region outage spreads.',
            correct: false,
            holds: (r) => r.metrics.servingVms === 0,
            feedback:
              'In the simulation regions are perfectly isolated: the failure stays where it starts. Real regions are isolated too, with named exceptions (global control planes such as IAM’s in us-east-1).',
            misconception: 'outage-spreads-across-regions',
          },
        ],
      },
      hints: ['In the simulation, a failure stays in the region where it starts.'],
      explanation:
        'In the simulation the outage reaches every AZ, host and VM in eu-central-1 and nothing outside it. The VMs there are not rebuilt elsewhere: that is your job. Real regions are built the same way, with a few global services as exceptions (the next question).',
    }),

    {
      kind: 'single',
      id: 'global-control-plane',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: globalServices,
      prompt:
        'During an AWS incident in us-east-1, your VMs in eu-west-1 keep serving and sign-ins keep working, but your deployment script in eu-west-1 fails when it tries to create an IAM role. What explains it (AWS, as of 2026-12-02)?',
      options: [
        {
          id: 'control-plane',
          text: 'IAM’s control plane, which creates and changes roles, runs in us-east-1; its data plane, which checks permissions, runs in every region',
          correct: true,
        },
        {
          id: 'spread',
          text: 'The incident has spread to eu-west-1, and the VMs there will stop soon',
          feedback: 'The VMs keep serving: the region is fine. Only one kind of request, a change to IAM, fails.',
          misconception: 'outage-spreads-across-regions',
        },
        {
          id: 'unrelated',
          text: 'It cannot be the incident: eu-west-1 shares nothing with us-east-1, so the script has a bug',
          feedback: 'Regions are isolated, with exceptions AWS names: a few global services keep their control plane in one region.',
          misconception: 'regions-share-nothing',
        },
      ],
      hints: ['Creating a role and checking a permission are different kinds of request. Where does each run?'],
      explanation:
        'AWS names the exceptions to region isolation: IAM, AWS Organizations, account management and Route 53 keep their control planes in us-east-1, while their data planes run everywhere. During trouble there, existing permissions and DNS keep working, but changes may fail from any region. The simulation has no global services.',
    },

    engineQuestion({
      id: 'replica-residency',
      skill: 'design',
      prompt:
        'Patient data must stay in the EU. The database’s primary is in eu-central-1 (Frankfurt); for disaster recovery you add an asynchronous replica in us-east-1. Which statements are true in the simulation?',
      scenario: () => ({
        name: 'An EU database with a replica in the US',
        regions: [region('eu-central-1', 2), region('us-east-1', 1)],
        residency: { dataset: 'patient data', allowed: ['EU'] },
        database: { name: 'patients', region: 'eu-central-1', az: 'eu-central-1a', replica: { region: 'us-east-1', lagSeconds: 1 } },
        actions: [{ at: 0, launch: { name: 'web', count: 2, vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } }],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'replica-breaks',
            text: 'The replica in us-east-1 breaks the rule, though the primary is in the EU.',
            correct: true,
            missed: { misconception: 'eu-copy-is-enough', feedback: 'A replica stores the data too, and this one stores it in the United States.' },
            holds: (r) => flagged(r, 'us-east-1'),
          },
          {
            id: 'primary-enough',
            text: 'The rule is met: the primary copy is in the EU.',
            correct: false,
            holds: (r) => r.metrics.residencyViolations.length === 0,
            feedback: 'A replica is the data too, stored in the United States.',
            misconception: 'eu-copy-is-enough',
          },
          {
            id: 'only-replica',
            text: 'The primary in Frankfurt is not flagged: the replica is the only copy out of place.',
            correct: true,
            missed: {
              slip: 'reading',
              feedback: 'Frankfurt is in Germany, inside the EU: the engine flags the copy that is out of place, not every copy of the data.',
            },
            holds: (r) => !flagged(r, 'eu-central-1') && r.metrics.residencyViolations.every((v) => v.region === 'us-east-1'),
          },
        ],
      },
      hints: ['A residency rule is about every copy of the data, not only the one you write to.'],
      explanation:
        'Every copy counts: the replica stores the data in the United States, so the engine flags it. A replica in a second EU region keeps both the rule and a way back from a region outage.',
    }),
  ],
});
