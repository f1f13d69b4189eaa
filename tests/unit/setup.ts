// Real fakes, not hand-made mocks: IndexedDB from fake-indexeddb, and WXT's
// fakeBrowser (wired in by WxtVitest) reset before every test.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
