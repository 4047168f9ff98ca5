import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  // A fresh, empty IndexedDB and browser state per test: tests never see each other's data.
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});
