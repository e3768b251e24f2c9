import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import LifecycleExplorer from '@site/src/components/widgets/LifecycleExplorer';
import { lessonIds } from '@site/quizzes/lessons';
import { lessonBlurbs } from '@site/src/lessons';
import styles from './index.module.css';

const lessons = lessonIds.map((id, i) => ({ to: `/docs/lessons/${id}`, title: `${i + 1}. ${lessonBlurbs[id].title}`, text: lessonBlurbs[id].text }));

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
