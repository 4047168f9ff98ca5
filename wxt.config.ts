import { defineConfig } from 'wxt';
import { SUPPORTED_HOST_PATTERNS } from './lib/hosts';

export default defineConfig({
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Paperlight',
    description:
      'Highlights your research topics on Hugging Face Papers and arXiv, and saves any paper in one click. Sends nothing anywhere.',
    // contextMenus: "Save paper" on links to papers.
    // unlimitedStorage: a library of thousands of papers with abstracts, plus its local snapshots,
    // must never be evicted under storage pressure.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms'],
    host_permissions: SUPPORTED_HOST_PATTERNS,
    action: { default_title: 'Paperlight: saved papers' },
    commands: {
      // lib/background/commands.ts: the tab saves the paper under focus, or the page's own paper.
      'save-paper': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the paper under focus, or the paper this page shows',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'paperlight@paperlight.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
