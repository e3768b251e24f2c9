import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';

const config: Config = {
  title: 'InfraLab',
  tagline: 'Learn cloud infrastructure by running it',
  favicon: 'img/favicon.svg',
  url: 'https://infralab.example.org',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  // v4 defaults, except CSS cascade layers: with them Infima's rules outrank custom.css and CSS
  // modules in the production build (the primary colour fell back to Infima's, below AA contrast).
  future: { v4: { removeLegacyPostBuildHeadAttribute: true, useCssCascadeLayers: false }, faster: true },
  markdown: {
    mermaid: true,
    hooks: { onBrokenMarkdownLinks: 'throw' },
  },
  themes: [
    '@docusaurus/theme-mermaid',
    ['@easyops-cn/docusaurus-search-local', { hashed: true, indexBlog: false, docsRouteBasePath: '/docs', highlightSearchTermsOnTargetPage: false }],
  ],
  plugins: ['./src/plugins/no-common-chunk.ts', './src/plugins/island-env.ts', './src/plugins/diagrams.ts', './src/plugins/example-scenarios.ts'],
  // examples/scenarios/*.yaml are served at /scenarios/* for the widgets and the scenario runner.
  staticDirectories: ['static', 'examples'],
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        docs: { sidebarPath: './sidebars.ts', routeBasePath: '/docs' },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'InfraLab',
      logo: { alt: 'InfraLab home', src: 'img/favicon.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'course', position: 'left', label: 'Course' },
        { to: '/lab', label: 'Lab', position: 'left' },
        { to: '/progress', label: 'Progress', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'InfraLab — a teaching model of cloud infrastructure. Figures cite their sources on each page.',
    },
    // vsLight / vsDark: every token colour meets WCAG AA on its background (github and dracula do not).
    prism: { theme: prismThemes.vsLight, darkTheme: prismThemes.vsDark, additionalLanguages: ['yaml', 'bash'] },
  } satisfies Preset.ThemeConfig,
};

export default config;
