import React, { useEffect, useRef, useState, type ReactNode } from 'react';
import Mermaid from '@theme-original/Mermaid';
import type { Props } from '@theme/Mermaid';

/**
 * Renders a diagram only when it comes near the viewport. Mermaid's renderer is the largest script
 * a lesson loads (about 150 KB gzip); a diagram below the fold no longer delays the page's start.
 * Until then the diagram's text source stands in, so nothing of it is hidden from anyone.
 */
export default function LazyMermaid(props: Props): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  if (near) return <Mermaid {...props} />;
  return (
    <div ref={ref} className="il-mermaid-pending">
      <pre aria-label="Diagram source (the drawing loads when you scroll to it)">{props.value}</pre>
    </div>
  );
}
