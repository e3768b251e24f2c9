import React from 'react';
import Layout from '@theme/Layout';
import { AzFailureLab, ElasticityLab, HypervisorLab, LifecycleExplorer, RegionExplorer } from '@site/src/components/widgets';

/** Every widget of the course, each with its own id (its anchor and its share-link parameter). */
const widgets: Array<{ id: string; title: string; lesson: string; render: (id: string) => React.JSX.Element }> = [
  { id: 'region-explorer', title: 'Region explorer', lesson: 'Regions', render: (id) => <RegionExplorer id={id} /> },
  { id: 'az-failure-lab', title: 'AZ failure lab', lesson: 'Availability zones', render: (id) => <AzFailureLab id={id} /> },
  { id: 'elasticity-lab', title: 'Elasticity lab', lesson: 'Infrastructure', render: (id) => <ElasticityLab id={id} /> },
  { id: 'hypervisor-lab', title: 'Hypervisor lab', lesson: 'Virtualization and Hypervisors', render: (id) => <HypervisorLab id={id} /> },
  { id: 'lifecycle-explorer', title: 'Lifecycle explorer', lesson: 'The life of a VM', render: (id) => <LifecycleExplorer id={id} /> },
];

export default function Lab(): React.JSX.Element {
  return (
    <Layout title="Lab" description="Every InfraLab widget on one page, to try alone.">
      <main className="container margin-vert--lg">
        <h1>Lab</h1>
        <p>
          Every widget of the course, to try on its own. Each runs the same simulation engine as the lessons, in your browser; &ldquo;Copy share link&rdquo;
          puts a widget&rsquo;s state in the address so someone else can open it as you left it.
        </p>
        <nav aria-label="Widgets on this page" className="il-links">
          <ul>
            {widgets.map((w) => (
              <li key={w.id}>
                <a href={`#${w.id}`}>{w.title}</a> (lesson: {w.lesson})
              </li>
            ))}
          </ul>
        </nav>
        {widgets.map((w) => (
          // Not a <section>: the widget is the labelled region, and a second landmark of the same name confuses screen readers.
          <div key={w.id}>
            <h2 id={`${w.id}-section`}>{w.title}</h2>
            {w.render(w.id)}
          </div>
        ))}
      </main>
    </Layout>
  );
}
