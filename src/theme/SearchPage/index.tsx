import React, { useEffect } from 'react';
import SearchPage from '@theme-original/SearchPage';

/**
 * The search plugin's page has no main landmark (axe: landmark-one-main, region). Its content is
 * the page's `.container`: mark it as the main region once it is on the page.
 */
export default function SearchPageWithMain(): React.JSX.Element {
  useEffect(() => {
    const content = document.querySelector('#__docusaurus_skipToContent_fallback > .container');
    if (content && !content.hasAttribute('role')) content.setAttribute('role', 'main');
  }, []);
  return <SearchPage />;
}
