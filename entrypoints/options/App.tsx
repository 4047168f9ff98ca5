import { ImportPanel } from '../../components/ImportPanel';
import type { MergeReport } from '../../lib/backup';
import { request } from '../../lib/messenger';

function importFile(file: File): Promise<MergeReport> {
  return file.text().then((text) => request('library/import', { text }));
}

export function OptionsApp() {
  return (
    <main class="options">
      <h1>Paperlight</h1>
      <ImportPanel onImport={importFile} />
    </main>
  );
}
