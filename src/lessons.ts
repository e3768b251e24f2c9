import type { LessonId } from '@site/quizzes/lessons';

/** What the home page says of each lesson (its title is the lesson's own title: test/docs/lessons.test.ts). */
export const lessonBlurbs: Record<LessonId, { title: string; text: string }> = {
  infrastructure: { title: 'What infrastructure is', text: 'Servers, storage, networks and data centres; owning versus renting; IaaS, PaaS and SaaS.' },
  regions: { title: 'Regions', text: 'Separate geographic areas of data centres: isolation, data residency, price and latency.' },
  'availability-zones': { title: 'Availability zones', text: 'Isolated locations inside a region; designing a service that survives losing one.' },
  virtualization: { title: 'Virtualization', text: 'Many virtual machines on one physical host; sharing CPU, memory and disk; overcommit.' },
  'cpu-virtualization': {
    title: 'How a guest’s instructions run',
    text: 'Trap-and-emulate, binary translation, paravirtualization, VT-x and AMD-V, nested paging and I/O, measured on a real VM in the page.',
  },
  hypervisors: { title: 'Hypervisors', text: 'Type 1 (bare metal) and type 2 (hosted): what each costs and what each isolates.' },
  'vm-lifecycle': { title: 'The life of a VM', text: 'Pending, running, stopping, stopped, terminated: what each action keeps and what it loses.' },
  capstone: { title: 'Putting it together', text: 'Design a small service that survives an AZ outage, within a budget and a residency rule.' },
};
