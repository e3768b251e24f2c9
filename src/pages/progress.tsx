import React from 'react';
import Layout from '@theme/Layout';

export default function Progress(): React.JSX.Element {
  return (
    <Layout title="Your progress" description="Quiz progress across the InfraLab lessons.">
      <main className="container margin-vert--lg">
        <h1>Your progress</h1>
      </main>
    </Layout>
  );
}
