import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { BackupPanel } from '../../components/BackupPanel';
import { ImportPanel } from '../../components/ImportPanel';
import { SettingsPanel, type SwitchSetting } from '../../components/SettingsPanel';
import { SnapshotsPanel } from '../../components/SnapshotsPanel';
import { SyncPanel } from '../../components/SyncPanel';
import { type DeletedTopic, TopicsPanel } from '../../components/TopicsPanel';
import type { SyncStatus } from '../../lib/background/sync';
import { serializeBackup } from '../../lib/backup';
import { datedFilename, saveFile } from '../../lib/download';
import { isChangeEvent, request } from '../../lib/messenger';
import type { Settings } from '../../lib/settings';
import type { SnapshotInfo } from '../../lib/snapshots';
import { topicIdFromLabel } from '../../lib/topics/topic';
import { EXAMPLE_TOPICS } from './example-topics';
import { readTerms } from './term-problems';
import { addTopic, moveTopic, PALETTE, removeTopic, restoreTopic, updateTopic } from './topic-list';
import { TopicSession, type TopicSessionState } from './topic-session';

type BooleanSettingKey = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];
/** Sync has its own section (with its status), so it is not among the listing switches. */
type ListingSettingKey = Exclude<BooleanSettingKey, 'sync'>;

const SYNC_STATUS_POLL_MS = 15_000;

const SWITCHES: readonly SwitchSetting<ListingSettingKey>[] = [
  {
    key: 'markNew',
    label: 'Mark new papers',
    description:
      'On a listing you have visited before, papers that were not there last time get a “new” mark.',
  },
  {
    key: 'dimSeen',
    label: 'Dim papers seen before',
    description: 'Papers a listing already showed you on an earlier visit are faded, so new ones stand out.',
  },
];

/** The backup, saved under the same name as the popup's JSON export. */
async function downloadBackup(): Promise<string> {
  const backup = await request('library/export', {});
  const filename = datedFilename('json');
  saveFile(serializeBackup(backup), filename, 'application/json');
  return filename;
}

/** A secondary section that fails to load stays empty; the console says why. */
function logFailure(what: string) {
  return (error: unknown) => console.error(`Paperlight options: ${what} failed`, error);
}

export function OptionsApp() {
  const [state, setState] = useState<TopicSessionState>({ topics: undefined, status: 'saved' });
  const [loadError, setLoadError] = useState<string | undefined>();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | undefined>();
  const [syncStatus, setSyncStatus] = useState<SyncStatus | null | undefined>();
  const session = useMemo(
    () =>
      new TopicSession({
        save: (topics, removed) => request('topics/replace', { topics, removed }),
        onState: setState,
      }),
    [],
  );

  useEffect(() => {
    request('topics/list', {})
      .then((topics) => session.receiveStored(topics))
      .catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
    request('settings/get', {}).then(setSettings, logFailure('settings/get'));
    reloadSnapshots();
    // Syncs run in the background (after changes, on an alarm) and announce nothing: ask now and then.
    const loadSyncStatus = () => request('sync/status', {}).then(setSyncStatus, logFailure('sync/status'));
    void loadSyncStatus();
    const syncPoll = setInterval(() => {
      if (document.visibilityState === 'visible') void loadSyncStatus();
    }, SYNC_STATUS_POLL_MS);
    const onMessage = (message: unknown) => {
      if (!isChangeEvent(message)) return;
      // Another options page, an import or sync changed the stored list: follow it without losing edits.
      if (message.type === 'changed/topics') session.receiveStored(message.topics);
      if (message.type === 'changed/settings') setSettings(message.settings);
      // Any change to the library may have taken a snapshot (daily, or before an import).
      if (message.type === 'changed/topics' || message.type === 'changed/bookmarks') reloadSnapshots();
    };
    // Leaving the page (or its tab going to the background) saves what waits for a pause in typing.
    const onHide = () => session.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') session.flush();
    };
    browser.runtime.onMessage.addListener(onMessage);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(syncPoll);
      session.dispose();
    };
  }, [session]);

  /** Never fails the action that asked for it: a list that cannot load just stays as it was. */
  function reloadSnapshots() {
    request('snapshots/list', {}).then(setSnapshots, logFailure('snapshots/list'));
  }
  const current = () => session.current ?? [];
  const ids = new Set((state.topics ?? []).map((topic) => topic.id));

  return (
    <main class="options">
      <h1>Paperlight</h1>
      <TopicsPanel
        topics={state.topics}
        loadError={loadError}
        saveStatus={state.status}
        saveError={state.error}
        onRetrySave={() => session.flush()}
        palette={PALETTE}
        examples={EXAMPLE_TOPICS}
        hasTopicLike={(label) => ids.has(topicIdFromLabel(label))}
        readTerms={readTerms}
        onAdd={(input) => {
          const next = addTopic(current(), input, new Date());
          const added = next[next.length - 1]?.id ?? '';
          session.apply(next, { edited: [added], immediate: true });
          return added;
        }}
        onEdit={(id, edit, final) =>
          session.apply(updateTopic(current(), id, edit, new Date()), { edited: [id], immediate: final })
        }
        onMove={(id, offset) =>
          session.apply(moveTopic(current(), id, offset), { reordered: true, immediate: true })
        }
        onDelete={(id): DeletedTopic | undefined => {
          const { topics, removed } = removeTopic(current(), id);
          if (!removed) return undefined;
          session.apply(topics, { removed: [id], immediate: true });
          return {
            label: removed.topic.label,
            undo() {
              const next = restoreTopic(current(), removed, new Date());
              const restored = next[Math.min(removed.index, next.length - 1)]?.id ?? removed.topic.id;
              session.apply(next, { edited: [restored], reordered: true, immediate: true });
              return restored;
            },
          };
        }}
      />
      <SettingsPanel
        values={settings}
        switches={SWITCHES}
        onChange={async (key, value) => {
          setSettings(await request('settings/update', { [key]: value }));
        }}
      />
      <SyncPanel
        enabled={settings?.sync}
        status={syncStatus}
        onToggle={async (sync) => {
          setSettings(await request('settings/update', { sync }));
          setSyncStatus(await request('sync/run', {}));
        }}
        onSyncNow={async (confirmRemovals) => setSyncStatus(await request('sync/run', { confirmRemovals }))}
      />
      <ImportPanel
        onImport={async (file) => {
          const report = await request('library/import', { text: await file.text() });
          // The import took a snapshot first, even when it changed nothing.
          reloadSnapshots();
          return report;
        }}
      />
      <BackupPanel onDownload={downloadBackup} />
      <SnapshotsPanel
        snapshots={snapshots}
        onRestore={async (createdAt) => {
          const report = await request('snapshots/restore', { createdAt });
          reloadSnapshots();
          return report;
        }}
      />
    </main>
  );
}
