/**
 * The site's example scenarios: the index the example-scenarios plugin publishes as global data, and
 * where the files are served (examples/ is a static directory, so /scenarios/<file>). Kept apart so a
 * test outside Docusaurus can stand in for it.
 */
import { usePluginData } from '@docusaurus/useGlobalData';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { ExampleScenario } from '@site/src/plugins/example-scenarios';

export function useExampleFiles(): { examples: ExampleScenario[]; url(file: string): string } {
  const examples = (usePluginData('infralab-example-scenarios', undefined, { failfast: false }) as ExampleScenario[] | undefined) ?? [];
  const base = useBaseUrl('/scenarios/');
  return { examples, url: (file) => `${base}${encodeURIComponent(file)}` };
}
