import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageController } from '../../lib/content/page-controller';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/hosts';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  // At DOMContentLoaded: cards are marked as soon as the listing is parsed, not after its images.
  runAt: 'document_end',
  main(ctx) {
    try {
      new PageController(ctx, document).start();
    } catch (error) {
      // Never throw into the page: a failure here costs our decorations, not the page.
      console.warn('Paperlight: could not start on this page', error);
    }
  },
});
