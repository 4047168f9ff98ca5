import { defineConfig } from 'wxt';
import { SUPPORTED_HOST_PATTERNS } from './lib/hosts';

export default defineConfig({
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Paperlight',
    description:
      'Highlights your research topics on Hugging Face Papers and arXiv, and saves any paper in one click. Sends nothing anywhere.',
    permissions: ['storage'],
    host_permissions: SUPPORTED_HOST_PATTERNS,
    action: { default_title: 'Paperlight: saved papers' },
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
