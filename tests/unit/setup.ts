// fake-indexeddb gives Dexie an IndexedDB in Node; WxtVitest installs fakeBrowser as `browser`.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

beforeEach(() => {
  fakeBrowser.reset();
});
