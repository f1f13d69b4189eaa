import { describe, expect, it } from 'vitest';
import {
  decodeText,
  formatBytes,
  importFormatOf,
  MAX_FILE_BYTES,
  readImportFile,
  sourceFromPaste,
} from '@/lib/import/import-sources';
import { WHOLE_FILE } from '@/lib/model/import-problems';
import { fileFrom } from '../../support/import-fixtures';

const noHtml = () => {
  throw new Error('no HTML here');
};

async function reasonFor(name: string, content: string | Uint8Array, size?: number) {
  const source = await readImportFile(fileFrom(name, content, size), noHtml);
  expect(source.drafts).toEqual([]);
  expect(source.problems).toHaveLength(1);
  expect(source.problems[0]).toMatchObject({ file: name, field: WHOLE_FILE });
  return source.problems[0]?.reason;
}

describe('import sources', () => {
  it('know their format by extension', () => {
    expect(importFormatOf('a.TXT')).toBe('txt');
    expect(importFormatOf('notes.markdown')).toBe('md');
    expect(importFormatOf('page.htm')).toBe('html');
    expect(importFormatOf('pack.json')).toBe('json');
    expect(importFormatOf('photo.png')).toBeUndefined();
    expect(importFormatOf('README')).toBeUndefined();
  });

  it('refuse unreadable files with a sentence a reader understands', async () => {
    expect(await reasonFor('photo.png', 'x')).toMatch(/cannot be imported: News Context reads \.txt/);
    expect(await reasonFor('big.txt', 'x', MAX_FILE_BYTES + 1)).toMatch(/too large \(5 MB\)\. The limit is 5 MB/);
    expect(await reasonFor('empty.txt', '')).toBe('is empty');
    expect(await reasonFor('blank.md', ' \n\t ')).toMatch(/only blank space/);
    expect(await reasonFor('latin1.txt', new Uint8Array([0x41, 0xe9, 0x41]))).toMatch(/not in UTF-8/);
    expect(await reasonFor('binary.txt', new Uint8Array([0x41, 0, 0x41]))).toMatch(/binary/);
    expect(await reasonFor('cut.json', '{"format": "news-context/corpus-pack", "articles": [')).toMatch(
      /not valid JSON: it (ends too early|breaks at line 1)/,
    );
  });

  it('read UTF-8 with a byte order mark, and UTF-16', async () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]).buffer)).toEqual({ ok: true, text: 'hi' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]).buffer)).toEqual({ ok: true, text: 'hi' });
  });

  it('turn a Markdown file into a draft with its front matter', async () => {
    const source = await readImportFile(
      fileFrom(
        'a.md',
        '---\ntitle: Talks\nauthor: Jane Roe\ndate: 2026-03-09\nurl: https://x.org/1\n---\nBody **text**.',
      ),
      noHtml,
    );
    expect(source.drafts).toEqual([
      {
        file: 'a.md',
        at: [],
        origin: 'md',
        text: 'Body **text**.',
        title: 'Talks',
        byline: 'Jane Roe',
        published: '2026-03-09',
        url: 'https://x.org/1',
      },
    ]);
  });

  it('turn a paste into a draft, blank fields left out', () => {
    expect(sourceFromPaste({ title: ' ', outlet: 'Naharnet', date: '', url: '', text: 'Body.' }).drafts).toEqual([
      { file: 'Pasted article', at: [], origin: 'paste', text: 'Body.', outlet: 'Naharnet' },
    ]);
  });

  it('format sizes for people', () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});
