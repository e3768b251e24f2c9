import React from 'react';
import Layout from '@theme/Layout';

export default function Lab(): React.JSX.Element {
  return (
    <Layout title="Lab" description="Every InfraLab widget on one page, to try alone.">
      <main className="container margin-vert--lg">
        <h1>Lab</h1>
        <p>Every widget of the course, to try on its own.</p>
      </main>
    </Layout>
  );
}
