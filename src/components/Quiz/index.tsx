import React from 'react';

// Temporary placeholder until the quiz component lands (issue 5).
export default function Quiz({ quiz }: { quiz: string }): React.JSX.Element {
  return <div role="note">The quiz for {quiz} is being built.</div>;
}
