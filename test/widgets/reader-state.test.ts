// @vitest-environment happy-dom
/**
 * What makes an island load as soon as it comes near rather than when the reader reaches for it
 * (src/components/Island): a share link carrying any widget's state, a quiz variant in the address
 * or saved quiz progress. Read from the address and storage without any schema.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkHasWidgetState, paramName } from '@site/src/components/widgets/shared/linkState';
import { progressKey, quizHasReaderState, variantParamName } from '@site/src/components/Quiz/readerState';
import { progressKey as progressModuleKey } from '@site/src/components/Quiz/progress';
import { shareLink } from '@site/src/components/widgets/shared/urlState';

function at(search: string): void {
  window.history.replaceState(null, '', `/docs/lessons/regions${search}`);
}

afterEach(() => {
  at('');
  window.localStorage.clear();
  vi.restoreAllMocks();
});

describe('linkHasWidgetState', () => {
  it('is true for an address a widget share link makes, and false for other parameters', () => {
    at('');
    expect(linkHasWidgetState()).toBe(false);
    at('?q=regions&v-regions=3');
    expect(linkHasWidgetState()).toBe(false);
    const link = new URL(shareLink('region-explorer', { user: 'tokyo' }, { href: 'http://127.0.0.1/docs/lessons/regions' }));
    at(link.search);
    expect(link.searchParams.has(paramName('region-explorer'))).toBe(true);
    expect(linkHasWidgetState()).toBe(true);
  });
});

describe('quizHasReaderState', () => {
  it("is true with this lesson's variant in the address, not another lesson's", () => {
    at(`?${variantParamName('regions')}=4`);
    expect(quizHasReaderState('regions')).toBe(true);
    expect(quizHasReaderState('infrastructure')).toBe(false);
  });

  it('is true with saved progress under the key the progress module writes', () => {
    expect(progressKey).toBe(progressModuleKey);
    expect(quizHasReaderState('regions')).toBe(false);
    window.localStorage.setItem(progressModuleKey, '{}');
    expect(quizHasReaderState('regions')).toBe(true);
  });

  it('is false when storage refuses to be read', () => {
    vi.spyOn(window.localStorage, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    expect(quizHasReaderState('regions')).toBe(false);
  });
});
