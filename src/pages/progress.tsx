import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import ProgressView from '@site/src/components/Quiz/ProgressView';

export default function Progress(): React.JSX.Element {
  return (
    <Layout title="Your progress" description="Quiz progress across the InfraLab lessons: scores, best attempts, export and import.">
      <main className="container margin-vert--lg">
        <h1>Your progress</h1>
        <ProgressView renderLink={(lesson, title) => <Link to={`/docs/lessons/${lesson}`}>{title}</Link>} />
      </main>
    </Layout>
  );
}
