import type { Page } from '@playwright/test';
import type { AnnotationsSnapshot } from '@/lib/extension/messages';
import { expect, sendRuntimeMessage, sendTabMessage, test } from './fixtures';

/**
 * Issue #11 end to end, in the production build in real Chromium: import two
 * articles about one meeting (written for the project: commas, titles,
 * possessives, names written once with their role), see the three officials
 * proposed with their roles, add each with one click, and see a third page
 * annotated with them, a surname written alone after the full name included,
 * with cards that quote the imported articles.
 */

const FIRST = `---
title: "Civilians join the ceasefire committee"
outlet: Naharnet
date: 2025-12-03
url: https://www.naharnet.com/stories/en/civilians-naqoura
---

Lebanon and Israel sent civilian delegates to the mechanism meeting in Naqoura on Wednesday.

The session was chaired by US envoy Morgan Ortagus. Lebanon was represented by Simon Karam, a former Lebanese ambassador to Washington, while Israel sent Uri Resnick, a senior official at its National Security Council.

Benjamin Netanyahu's office called the talks positive. Hezbollah said it would not be bound by them.
`;

const SECOND = `---
title: "Who sat at the Naqoura table"
outlet: L'Orient Today
date: 2025-12-04
url: https://today.lorientlejour.com/article/naqoura-table
---

The civilians were named only days earlier: for Beirut, Simon Karam, a lawyer and former diplomat; for Israel, Uri Resnick, deputy head of foreign policy at Israel's National Security Council.

Officials in Washington, Morgan Ortagus among them, had pushed for the format. Karam said after the session that no one should expect miracles.
`;

const THIRD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Second round in Naqoura</title></head>
<body><article><h1>Second round in Naqoura</h1>
<p>The ceasefire committee met again in Naqoura on Friday. Simon Karam led the Lebanese side and Uri Resnick the Israeli one.</p>
<p>Morgan Ortagus said Hezbollah must disarm. Afterwards, Karam told reporters the talks would continue.</p>
</article></body></html>`;

async function importArticles(options: Page): Promise<void> {
  await options.getByLabel('Files to import').setInputFiles([
    { name: 'civilians.md', mimeType: 'text/markdown', buffer: Buffer.from(FIRST) },
    { name: 'table.md', mimeType: 'text/markdown', buffer: Buffer.from(SECOND) },
  ]);
  await expect(options.getByRole('heading', { name: 'Preview' })).toBeVisible();
  await options.getByRole('button', { name: 'Import 2 articles' }).click();
  await expect(options.getByRole('heading', { name: 'Import finished' })).toBeVisible();
}

test('the officials of two imported articles are proposed with roles, added in one click each, and highlighted on a third page', async ({
  context,
  extensionId,
  newsOrigin,
  newsServer,
}) => {
  newsServer.routes.set('/second-round/', THIRD_PAGE);
  const options = await context.newPage();
  const errors: string[] = [];
  options.on('pageerror', (error) => errors.push(error.message));
  await options.setViewportSize({ width: 1200, height: 1400 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await importArticles(options);
  await options.getByRole('button', { name: /^Review \d+ possible new entit/ }).click();

  // Either article's appositive is a right role (the newest article is read first).
  const roles: Record<string, RegExp> = {
    'Simon Karam': /former Lebanese ambassador to Washington|lawyer and former diplomat/,
    'Uri Resnick': /senior official at its National Security Council|deputy head of foreign policy/,
    'Morgan Ortagus': /US envoy/,
  };
  for (const [name, role] of Object.entries(roles)) {
    const card = options.locator('.opt-candidate', { has: options.getByRole('heading', { name, exact: true }) });
    await expect(card).toBeVisible();
    await expect(card.locator('.opt-candidate-role')).toContainText(role);
    await expect(card.locator('.opt-chip')).toHaveText('Person?');
  }
  await options.screenshot({ path: test.info().outputPath('candidates-panel.png'), fullPage: true });

  // Candidates are kept: a reload shows them again without a new look.
  await options.reload();
  await options.getByRole('tab', { name: /New entities/ }).click();
  for (const name of Object.keys(roles)) {
    const card = options.locator('.opt-candidate', { has: options.getByRole('heading', { name, exact: true }) });
    await card.getByRole('button', { name: `Add ${name}` }).click();
    await expect(options.getByText(`Added “${name}”. It is highlighted on open news pages now.`)).toBeVisible();
  }
  await expect(options.locator('.opt-decisions summary')).toHaveText('Your decisions (3)');

  const url = `${newsOrigin}/second-round/`;
  const news = await context.newPage();
  await news.goto(url);
  await expect
    .poll(async () => {
      const snapshot = await sendTabMessage<AnnotationsSnapshot>(options, url, { type: 'annotations/get' }).catch(
        () => undefined,
      );
      return Object.fromEntries((snapshot?.entities ?? []).map((entity) => [entity.id, entity.count]));
    })
    .toMatchObject({ 'simon-karam': 2, 'uri-resnick': 1, 'morgan-ortagus': 1 });

  const card = await sendRuntimeMessage<{ role: string; excerpts: { articleTitle: string }[] }>(options, {
    type: 'entity/card',
    entityId: 'uri-resnick',
  });
  expect(card.excerpts.map((excerpt) => excerpt.articleTitle)).toEqual(
    expect.arrayContaining(['Civilians join the ceasefire committee', 'Who sat at the Naqoura table']),
  );

  // Undo: the entity goes, and the candidate is proposed again.
  await options.locator('.opt-decisions summary').click();
  await options.getByRole('button', { name: 'Undo: Morgan Ortagus' }).click();
  await expect(options.getByText('Undone: “Morgan Ortagus” is proposed again.')).toBeVisible();
  await expect(options.getByRole('heading', { name: 'Morgan Ortagus', exact: true })).toBeVisible();
  await expect(options.locator('.opt-decisions summary')).toHaveText('Your decisions (2)');
  expect(errors).toEqual([]);
});

test('"New entity" from a selection: prefilled, refused with a reason when already known, added with a surname-only alias', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  const errors: string[] = [];
  options.on('pageerror', (error) => errors.push(error.message));
  const base = `chrome-extension://${extensionId}/options.html`;

  await options.goto(`${base}?new-entity=Hezbollah#entities`);
  await expect(options.getByRole('form', { name: 'New entity' }).getByRole('alert')).toContainText(
    'is already a name of Hezbollah',
  );

  await options.goto(`${base}?new-entity=Uri%20Resnick&page=https%3A%2F%2Fwww.naharnet.com%2Fa#entities`);
  const form = options.getByRole('form', { name: 'New entity' });
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Uri Resnick');
  await expect(form.getByLabel('Background')).toHaveValue('First seen on https://www.naharnet.com/a');
  await form.getByLabel(/^Surname alone/).fill('Resnick');
  await form.getByLabel('Role, in one line').fill('Deputy head of foreign policy, Israel’s National Security Council');
  await options.screenshot({ path: test.info().outputPath('new-entity.png'), fullPage: true });
  await form.getByRole('button', { name: 'Add entity' }).click();
  await expect(options.getByText('Added “Uri Resnick”. It is highlighted on open news pages now.')).toBeVisible();
  const editor = options.getByRole('form', { name: 'Edit Uri Resnick' });
  await expect(editor.getByLabel('Alias 2 is a surname only')).toBeChecked();
  expect(errors).toEqual([]);
});

const SELECTION_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Economic track opens | Naharnet</title>
<meta property="og:site_name" content="Naharnet">
<meta property="article:published_time" content="2025-12-12T09:30:00+02:00"></head>
<body><article><h1>Economic track opens</h1>
<p>Lebanon named its team for the economic talks on Friday. The delegation will be led by Rania Haddad, a former central bank official, officials in Beirut said. The team travels to Naqoura next week.</p>
<p>Hezbollah did not comment.</p>
</article></body></html>`;

test('"Add to News Context" from a page: the form shows the sentence, outlet and date, and imports the article with the entity, so its card quotes it', async ({
  context,
  extensionId,
  newsOrigin,
  newsServer,
}) => {
  newsServer.routes.set('/economic-track/', SELECTION_PAGE);
  const url = `${newsOrigin}/economic-track/`;
  const news = await context.newPage();
  await news.goto(url);
  // Selected as a reader would, with the pointer: a range over the name in the paragraph.
  await news.evaluate(() => {
    const paragraph = document.querySelector('p') as HTMLParagraphElement;
    const text = paragraph.firstChild as Text;
    const start = (text.textContent ?? '').indexOf('Rania Haddad');
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + 'Rania Haddad'.length);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });

  const options = await context.newPage();
  const errors: string[] = [];
  options.on('pageerror', (error) => errors.push(error.message));
  await options.setViewportSize({ width: 1200, height: 1100 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // The address the context menu opens (`newEntityUrl`), with the news tab's id as the background passes it.
  const tabId = await options.evaluate(async (pageUrl) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    };
    return (await chrome.tabs.query({})).find((tab) => tab.url === pageUrl)?.id;
  }, url);
  expect(tabId).toBeDefined();
  await options.goto(
    `chrome-extension://${extensionId}/options.html?new-entity=Rania%20Haddad&page=${encodeURIComponent(url)}&tab=${tabId}&frame=0#entities`,
  );
  const form = options.getByRole('form', { name: 'New entity' });
  const source = form.getByRole('figure', { name: 'Where the selection was made' });
  await expect(source.locator('blockquote')).toHaveText(
    'The delegation will be led by Rania Haddad, a former central bank official, officials in Beirut said.',
  );
  await expect(source.locator('figcaption')).toHaveText('Naharnet · 2025-12-12 · “Economic track opens | Naharnet”');
  await expect(form.getByLabel('Background')).toHaveValue(
    `First seen in Naharnet, 2025-12-12: “The delegation will be led by Rania Haddad, a former central bank official, officials in Beirut said.” (${url})`,
  );
  await expect(form.getByLabel(/^Also import this page’s article/)).toBeChecked();
  await form.getByLabel('Role, in one line').fill('Head of Lebanon’s economic delegation');
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    await options.screenshot({ path: test.info().outputPath(`new-entity-from-page-${scheme}.png`), fullPage: true });
  }
  await options.emulateMedia({ colorScheme: 'light' });

  await form.getByRole('button', { name: 'Add entity' }).click();
  await expect(
    options.getByText(
      'Added “Rania Haddad”. It is highlighted on open news pages now. The page’s article was imported: its card quotes it.',
    ),
  ).toBeVisible();
  const card = await sendRuntimeMessage<{ excerpts: { articleTitle: string; outlet?: string; text?: string }[] }>(
    options,
    { type: 'entity/card', entityId: 'rania-haddad' },
  );
  expect(card.excerpts.map((excerpt) => excerpt.articleTitle)).toContain('Economic track opens | Naharnet');
  expect(JSON.stringify(card.excerpts)).toContain('a former central bank official');
  expect(JSON.stringify(card.excerpts)).toContain('Naharnet');
  expect(JSON.stringify(card.excerpts)).toContain('2025-12-12');
  expect(errors).toEqual([]);
});

const EARLIER = `---
title: "Aid convoy reaches the south"
outlet: Naharnet
date: 2025-12-05
---

A convoy of aid reached villages near the border on Friday. The mission was led by Rania Haddad, a former health ministry official. Officials said Karim Sfeir had arranged the trucks.
`;

const LATER = `---
title: "Second convoy"
outlet: L'Orient Today
date: 2025-12-09
---

A second convoy left Beirut on Tuesday. Karim Sfeir spoke briefly to reporters before it set off.
`;

const HEBREW = `---
title: "שיירה שנייה"
outlet: Haaretz
date: 2025-12-10
language: he
---

השיירה יצאה ביום שלישי. בראשה עמדה הבכירה לשעבר במשרד הבריאות רניה חדאד, שאמרה כי המשלוחים יימשכו.
`;

test('"Import more" keeps the earlier import’s candidates, and a name written once in each import is proposed from both', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  const errors: string[] = [];
  options.on('pageerror', (error) => errors.push(error.message));
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const importOne = async (name: string, text: string) => {
    await options
      .getByLabel('Files to import')
      .setInputFiles([{ name, mimeType: 'text/markdown', buffer: Buffer.from(text) }]);
    await options.getByRole('button', { name: 'Import 1 article' }).click();
    await expect(options.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  };
  const heading = (name: string) => options.getByRole('heading', { name, exact: true });

  await importOne('earlier.md', EARLIER);
  await options.getByRole('button', { name: /^Review 1 possible new entity/ }).click();
  await expect(heading('Rania Haddad')).toBeVisible();
  // Written once, bare: not yet.
  await expect(heading('Karim Sfeir')).toHaveCount(0);

  // Back to the Import tab, as "Import more" does: the panel starts over.
  await options.getByRole('tab', { name: /^Import/ }).click();
  await importOne('later.md', LATER);
  await options.getByRole('button', { name: /^Review 2 possible new entities/ }).click();
  await expect(heading('Rania Haddad')).toBeVisible();
  const sfeir = options.locator('.opt-candidate', { has: heading('Karim Sfeir') });
  await expect(sfeir).toBeVisible();
  await expect(sfeir).toContainText('Aid convoy reaches the south');
  await expect(sfeir).toContainText('Second convoy');
  await expect(options.getByText(/2 names found in 2 articles/)).toBeVisible();

  // A Hebrew article names her too: her Hebrew form joins her candidate, and one click adds it as an alias.
  await options.getByRole('tab', { name: /^Import/ }).click();
  await importOne('hebrew.md', HEBREW);
  await options.getByRole('button', { name: /^Review 2 possible new entities/ }).click();
  const haddad = options.locator('.opt-candidate', { has: heading('Rania Haddad') });
  await expect(haddad).toContainText('Also written “רניה חדאד”: added as other names too.');
  await expect(heading('רניה חדאד')).toHaveCount(0);
  await options.setViewportSize({ width: 1100, height: 900 });
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    await haddad.screenshot({ path: test.info().outputPath(`candidate-other-script-${scheme}.png`) });
  }
  await haddad.getByRole('button', { name: 'Add Rania Haddad' }).click();
  await expect(options.getByText('Added “Rania Haddad”. It is highlighted on open news pages now.')).toBeVisible();
  // The reader's entity as stored (the Entities tab reads the same row).
  expect(
    await options.evaluate(async () => {
      const request = indexedDB.open('news-context');
      const db = await new Promise<IDBDatabase>((resolve) => {
        request.onsuccess = () => resolve(request.result);
      });
      const row = await new Promise<{ aliases: { text: string; lang: string }[] }>((resolve) => {
        const get = db.transaction('entities').objectStore('entities').get('rania-haddad');
        get.onsuccess = () => resolve(get.result.entity ?? get.result);
      });
      db.close();
      return row.aliases;
    }),
  ).toEqual(expect.arrayContaining([{ text: 'רניה חדאד', lang: 'he' }]));
  expect(errors).toEqual([]);
});
