import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import LifecycleExplorer from '@site/src/components/widgets/LifecycleExplorer';
import styles from './index.module.css';

const lessons = [
  {
    to: '/docs/lessons/infrastructure',
    title: '1. What infrastructure is',
    text: 'Servers, storage, networks and data centres; owning versus renting; IaaS, PaaS and SaaS.',
  },
  { to: '/docs/lessons/regions', title: '2. Regions', text: 'Separate geographic areas of data centres: isolation, data residency, price and latency.' },
  {
    to: '/docs/lessons/availability-zones',
    title: '3. Availability zones',
    text: 'Isolated locations inside a region; designing a service that survives losing one.',
  },
  {
    to: '/docs/lessons/virtualization',
    title: '4. Virtualization',
    text: 'Many virtual machines on one physical host; sharing CPU, memory and disk; overcommit.',
  },
  {
    to: '/docs/lessons/cpu-virtualization',
    title: '5. How a guest’s instructions run',
    text: 'Trap-and-emulate, binary translation, paravirtualization, VT-x and AMD-V, nested paging and I/O, measured on a real VM in the page.',
  },
  { to: '/docs/lessons/hypervisors', title: '6. Hypervisors', text: 'Type 1 (bare metal) and type 2 (hosted): what each costs and what each isolates.' },
  {
    to: '/docs/lessons/vm-lifecycle',
    title: '7. The life of a VM',
    text: 'Pending, running, stopping, stopped, terminated: what each action keeps and what it loses.',
  },
  {
    to: '/docs/lessons/capstone',
    title: '8. Putting it together',
    text: 'Design a small service that survives an AZ outage, within a budget and a residency rule.',
  },
];

export default function Home(): React.JSX.Element {
  return (
    <Layout
      title="Learn cloud infrastructure by running it"
      description="Lessons on infrastructure, regions, availability zones, virtualization and hypervisors, with live simulations and engine-checked quizzes."
    >
      <header className={styles.hero}>
        <div className="container">
          <h1>Learn cloud infrastructure by running it</h1>
          <p className={styles.lead}>
            InfraLab teaches infrastructure as a service, regions, availability zones, virtualization and hypervisors. Every lesson embeds a live simulation:
            launch, stop and break virtual machines, hosts, zones and regions in the page, and watch what happens. Every quiz answer is checked against that
            same simulation.
          </p>
          <Link className="button button--primary button--lg" to="/docs/intro">
            Start the course
          </Link>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <h2>Try it now: the life of a virtual machine</h2>
        <p>
          Launch a VM, stop it, start it again, reboot it, terminate it. The simulation follows the states a cloud instance goes through, refuses what a real
          cloud would refuse and says why, and shows what each state costs. The <Link to="/docs/lessons/vm-lifecycle">life of a VM</Link> lesson explains what
          you see.
        </p>
        <LifecycleExplorer id="home-lifecycle" />
        <h2>The lessons</h2>
        <ul className={styles.grid}>
          {lessons.map((l) => (
            <li key={l.to} className={styles.card}>
              <h3>
                <Link to={l.to}>{l.title}</Link>
              </h3>
              <p>{l.text}</p>
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}
