import React, { type ReactNode } from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import useBaseUrl from '@docusaurus/useBaseUrl';
import ThemedImage from '@theme/ThemedImage';
import type { Props } from '@theme/Mermaid';
import type { DiagramsData } from '@site/src/plugins/diagrams';
import { diagramKey, diagramText } from './diagramKey';
import LazyMermaid from './LazyMermaid';

/**
 * A diagram of a ```mermaid block. When `npm run diagrams` has drawn this exact source
 * (static/diagrams/), the page shows the drawing for the reader's colour mode as an image: no
 * Mermaid code loads and nothing is drawn on the reader's device. Its `accTitle` is the caption and
 * its `accDescr` the image's text alternative. Otherwise Mermaid draws it in the browser when it
 * comes near the viewport (./LazyMermaid).
 */
export default function Diagram(props: Props): ReactNode {
  const data = usePluginData('infralab-diagrams') as DiagramsData | undefined;
  const key = diagramKey(props.value);
  const light = useBaseUrl(`/diagrams/${key}-light.svg`);
  const dark = useBaseUrl(`/diagrams/${key}-dark.svg`);
  const drawn = data?.diagrams[key];
  if (!drawn) return <LazyMermaid {...props} />;
  const { title, description } = diagramText(props.value);
  return (
    <figure className="il-diagram">
      <ThemedImage
        sources={{ light, dark }}
        alt={description ?? title ?? 'Diagram'}
        width={drawn.width}
        height={drawn.height}
        loading="lazy"
        decoding="async"
      />
      {title ? <figcaption>{title}</figcaption> : null}
    </figure>
  );
}
