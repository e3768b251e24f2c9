/**
 * Quiz for docs/lessons/regions.mdx. Latency keys come from the lesson's rule of thumb (15 ms of
 * round trip per 1,000 km) and from geography; price keys from the dated price list the lesson
 * quotes (m5.large per hour), written here as literals; the validator runs each against the engine.
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
const nearest: Record<City, string> = { Berlin: 'eu-central-1', Warsaw: 'eu-central-1', 'New York': 'us-east-1', Tokyo: 'ap-southeast-1', Sydney: 'ap-southeast-1' };

/** Straight-line distances from Frankfurt, rounded as the prompt quotes them. */
const kmFromFrankfurt = { 'us-east-1': 6800, 'ap-southeast-1': 10300, 'eu-north-1': 1200 } as const;

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

export default defineQuiz({
  lesson: 'regions',
  title: 'Regions',
  questions: [
    engineQuestion({
      id: 'nearest-region',
      params: { city: ['Berlin', 'Warsaw', 'New York', 'Tokyo', 'Sydney'] },
      prompt: 'Your users are in {city}. Of the course’s four regions, which gives them the lowest round trip in the simulation?',
      scenario: () => ({ name: 'The course’s four regions', regions: courseRegions.map((c) => region(c, 1)) }),
      ask: {
        type: 'choice',
        key: (p) => nearest[p.city],
        distractors: [0, 1, 2].map((i) => ({ value: (p: { city: City }) => courseRegions.filter((c) => c !== nearest[p.city])[i] })),
        format: (v) => regionLabel(String(v)),
        read: (r, p) => roundTrips(r, p.city).sort((a, b) => a.ms - b.ms)[0].id,
      },
      measures: (r, p) => roundTrips(r, p.city).map((x) => ({ label: `${p.city} to ${regionLabel(x.id)}`, value: `${x.ms} ms round trip` })),
      hints: ['In the simulation the round trip grows with the straight-line distance: 15 ms per 1,000 km.'],
      explanation: 'Only distance counts in the model: the nearest region has the lowest round trip. “Show me” lists the round trip from {city} to each region.',
    }),

    engineQuestion({
      id: 'rule-of-thumb',
      params: { to: ['us-east-1', 'ap-southeast-1', 'eu-north-1'] },
      given: (p) => ({ name: findRegion(p.to)?.name ?? p.to, km: kmFromFrankfurt[p.to].toLocaleString('en') }),
      prompt:
        'Frankfurt (eu-central-1) and {name} ({to}) are about {km} km apart in a straight line. Using the lesson’s rule of thumb, what is the round trip between them in the simulation, in ms?',
      scenario: (p) => ({ name: `Frankfurt and ${p.to}`, regions: [region('eu-central-1', 1), region(p.to, 1)] }),
      ask: {
        type: 'numeric',
        // 15 ms per 1,000 km: twice the distance, times 1.5 for detours, at 200 km per ms.
        key: (p) => kmFromFrankfurt[p.to] * 0.015,
        unit: 'ms',
        tolerance: 1.5,
        distractors: [
          { value: (p) => kmFromFrankfurt[p.to] * 0.01, feedback: 'That is the round trip on a perfectly straight fibre; real cables detour (route factor 1.5).' },
          { value: (p) => kmFromFrankfurt[p.to] * 0.0075, feedback: 'That is one way; a round trip goes there and back.' },
        ],
        read: (r) => rttMs(findRegion(r.regions[0].id)!.location, findRegion(r.regions[1].id)!.location),
      },
      hints: ['Light in fibre covers about 200 km per ms; the model adds 50% for detours.', '15 ms per 1,000 km of straight-line distance.'],
      explanation: '{km} km × 15 ms per 1,000 km. The engine measures the great-circle distance between the two regions and applies the same rule.',
    }),

    engineQuestion({
      id: 'eu-only',
      prompt: 'A rule says the data may live only in the European Union. You try one VM holding the data in each of these regions. Which placements does the engine accept without a residency violation?',
      scenario: () => oneVmPerRegion(['eu-central-1', 'eu-west-2', 'eu-north-1', 'eu-west-3', 'us-east-1'], { residency: { dataset: 'patient data', allowed: ['EU'] } }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          { id: 'frankfurt', text: 'Europe (Frankfurt), eu-central-1', correct: true, holds: (r) => !flagged(r, 'eu-central-1') },
          { id: 'london', text: 'Europe (London), eu-west-2', correct: false, holds: (r) => !flagged(r, 'eu-west-2'), feedback: 'London is in the United Kingdom, which is in Europe but not in the EU.' },
          { id: 'stockholm', text: 'Europe (Stockholm), eu-north-1', correct: true, holds: (r) => !flagged(r, 'eu-north-1') },
          { id: 'paris', text: 'Europe (Paris), eu-west-3', correct: true, holds: (r) => !flagged(r, 'eu-west-3') },
          { id: 'virginia', text: 'US East (N. Virginia), us-east-1', correct: false, holds: (r) => !flagged(r, 'us-east-1'), feedback: 'The United States is outside the EU, however cheap the region is.' },
        ],
      },
      hints: ['“Europe” in a region’s name is not the same as “in the EU”.'],
      explanation: 'Germany, Sweden and France are EU member states; the United Kingdom and the United States are not. The engine flags a VM in London or N. Virginia as a residency violation.',
    }),

    engineQuestion({
      id: 'compute-cost',
      params: { vms: [2, 4], hours: [10, 24], where: ['us-east-1', 'eu-central-1', 'ap-southeast-1'] },
      given: (p) => ({ price: hourly[p.where], name: findRegion(p.where)?.name ?? p.where }),
      prompt:
        'You run {vms} VMs of 2 vCPUs (the reference size) for {hours} hours in {name} ({where}), where one costs ${price} per hour in the simulation. What is the compute bill, in USD?',
      scenario: (p) => ({
        name: `${p.vms} reference VMs for ${p.hours} h in ${p.where}`,
        until: p.hours * 3600,
        regions: [region(p.where, 1)],
        timings: { pendingSeconds: 0 },
        actions: [{ at: 0, launch: { name: 'web', count: p.vms, vcpu: 2, memoryGiB: 8, region: p.where } }],
      }),
      ask: {
        type: 'numeric',
        key: (p) => p.vms * p.hours * hourly[p.where],
        unit: 'USD',
        tolerance: 0.005,
        distractors: [{ value: (p) => p.vms * hourly[p.where], feedback: 'That is the bill for one hour; the VMs ran {hours}.' }],
        read: (r) => r.metrics.cost.computeUsd,
      },
      hints: ['VMs × hours × price per hour.'],
      explanation: '{vms} × {hours} h × ${price} = the compute bill. The same VMs in another region cost a different amount: prices follow local costs.',
    }),

    engineQuestion({
      id: 'cheapest-allowed',
      prompt: `Data must stay in the EU. In the simulation one reference VM costs, per hour: Frankfurt $${hourly['eu-central-1']}, Stockholm $${hourly['eu-north-1']}, Ireland $${hourly['eu-west-1']}, London $${hourly['eu-west-2']}, N. Virginia $${hourly['us-east-1']}. Which is the cheapest region you may use?`,
      scenario: () => oneVmPerRegion(['eu-central-1', 'eu-north-1', 'eu-west-1', 'eu-west-2', 'us-east-1'], { residency: { allowed: ['EU'] } }),
      ask: {
        type: 'choice',
        key: 'eu-north-1',
        distractors: [
          { value: 'us-east-1', feedback: 'Cheapest of all, but outside the EU: a region that breaks the rule is not an option at any price.' },
          { value: 'eu-west-2', feedback: 'London is in Europe but not in the EU.' },
          { value: 'eu-central-1', feedback: 'Frankfurt is allowed, but not the cheapest allowed region.' },
        ],
        format: (v) => regionLabel(String(v)),
        read: (r) =>
          r.vms
            .filter((vm) => !flagged(r, vm.region))
            .sort((a, b) => a.costUsd - b.costUsd)[0].region,
      },
      measures: (r) => r.vms.map((vm) => ({ label: regionLabel(vm.region), value: `$${vm.costUsd.toFixed(4)} for the hour${flagged(r, vm.region) ? ', outside the rule' : ''}` })),
      hints: ['Residency first: cross out the regions the rule forbids. Then compare prices.'],
      explanation: 'Stockholm, eu-north-1, is the cheapest of the allowed regions. N. Virginia is cheaper still, but it breaks the rule, so it is not a choice.',
    }),

    engineQuestion({
      id: 'region-isolation',
      prompt: 'You run two VMs in eu-central-1 and two in us-east-1. At 600 s the whole eu-central-1 region fails and stays down. Which statements about the end of the hour are true?',
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
          { id: 'others-serve', text: 'The two VMs in us-east-1 keep serving.', correct: true, holds: (r) => r.vms.filter((v) => v.region === 'us-east-1' && v.serving).length === 2 },
          {
            id: 'moved',
            text: 'The VMs of eu-central-1 are started again in us-east-1 by themselves.',
            correct: false,
            holds: (r) => r.vms.filter((v) => v.region === 'us-east-1').length > 2,
            feedback: 'Nothing moves by itself between regions: copies in a second region exist only if you build them.',
          },
          { id: 'frankfurt-down', text: 'No VM in eu-central-1 serves.', correct: true, holds: (r) => r.vms.filter((v) => v.region === 'eu-central-1').every((v) => !v.serving) },
          { id: 'all-down', text: 'Nothing serves anywhere: a region outage spreads.', correct: false, holds: (r) => r.metrics.servingVms === 0, feedback: 'Regions are isolated: the failure stays where it starts.' },
        ],
      },
      hints: ['A failure stays in the region where it starts.'],
      explanation: 'The outage reaches every AZ, host and VM in eu-central-1 and nothing outside it. The VMs there are not rebuilt elsewhere: that is your job.',
    }),

    {
      kind: 'numeric',
      id: 'azs-per-region',
      factual: true,
      source: 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/regions.html',
      prompt: 'AWS says every public region is built with at least how many availability zones?',
      key: 3,
      unit: 'AZs',
      tolerance: 0,
      distractors: [{ value: 2, feedback: 'Two would leave only one AZ after a loss; AWS builds at least three.' }],
      explanation: 'Each AWS region has at least three isolated, physically separate AZs.',
    },

    {
      kind: 'ordering',
      id: 'choosing-order',
      factual: true,
      source: 'https://aws.amazon.com/blogs/architecture/what-to-consider-when-selecting-a-region-for-your-workloads/',
      prompt: 'Put the questions for choosing a region in the order the lesson asks them.',
      items: [
        { id: 'residency', text: 'Does a residency rule apply to the data?' },
        { id: 'services', text: 'Which regions have every service you need?' },
        { id: 'latency', text: 'Which have the lowest round trip to your users?' },
        { id: 'cost', text: 'Among the close ones, which is cheapest?' },
      ],
      hints: ['A region that breaks a rule is not an option at any price.'],
      explanation: 'Compliance first (it removes options outright), then services, then latency to users, and only then price.',
    },
  ],
});
