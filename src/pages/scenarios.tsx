import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import ScenarioRunner from '@site/src/components/ScenarioRunner';

export default function Scenarios(): React.JSX.Element {
  return (
    <Layout title="Scenario runner" description="Run an InfraLab scenario file with the simulation engine, in your browser.">
      <main className="container margin-vert--lg">
        <h1>Scenario runner</h1>
        <p>
          Run a scenario file with the same engine the lessons use, in your browser: the timeline and the report are the ones{' '}
          <code>npm run sim -- FILE --json</code> prints. The format is described on <Link to="/docs/reference/scenario-format">Scenario format</Link>.
        </p>
        <ScenarioRunner />
      </main>
    </Layout>
  );
}
