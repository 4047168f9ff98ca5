import type { MergeReport } from '../lib/backup';

/** What an import or a restore did: counts, and each refused entry with its reason. */
export function MergeSummary({ heading, report }: { heading: string; report: MergeReport }) {
  return (
    <div class="report">
      <p>
        {heading}: {report.added} added, {report.updated} updated, {report.unchanged} unchanged,{' '}
        {report.refused.length} refused.
      </p>
      {report.refused.length ? (
        <ul>
          {report.refused.map((refusal, i) => (
            <li key={`${refusal.id ?? ''}-${i}`}>
              {refusal.id ? `${refusal.id}: ` : ''}
              {refusal.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
