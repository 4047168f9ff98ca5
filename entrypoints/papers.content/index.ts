import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageController } from '../../lib/content/page-controller';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/hosts';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  // Injected before the page is parsed, so the library is asked for topics while the page loads and
  // cards are marked the moment the listing is parsed (document_end scripts run only after the
  // page's first layout, hundreds of milliseconds later on a 2,000-entry listing).
  runAt: 'document_start',
  main(ctx) {
    try {
      new PageController(ctx, document).start();
    } catch (error) {
      // Never throw into the page: a failure here costs our decorations, not the page.
      console.warn('Paperlight: could not start on this page', error);
    }
  },
});
