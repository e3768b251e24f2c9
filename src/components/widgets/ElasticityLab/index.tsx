import React from 'react';

// Placeholder until the widget lands (issue 3).
export default function ElasticityLab(): React.JSX.Element {
  return <div role="note">This widget is being built.</div>;
}
