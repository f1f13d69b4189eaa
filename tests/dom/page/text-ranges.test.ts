// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  blockAncestor,
  collectTextBlocks,
  collectTextBlocksWithin,
  firstTextWithin,
  isBlockCurrent,
  lastTextWithin,
  nextText,
  OWN_UI_TAG,
  previousText,
  rangeTextNodes,
  rescanRoots,
  spanToRange,
  type TextBlock,
  TextBlockCollector,
} from '@/lib/page/text-ranges';

// Test pages are built from trusted literals; lint forbids innerHTML, so parse instead.
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
}

const texts = (blocks: readonly TextBlock[]) => blocks.map((block) => block.text);
const bodyTexts = () => texts(collectTextBlocks(document.body));

function span(block: TextBlock, needle: string): Range {
  const at = block.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return spanToRange(block, at, at + needle.length);
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('collectTextBlocks', () => {
  it('reads text split across inline elements as one block', () => {
    setBody(
      '<p>Hez<b>bollah</b> and <a href="#">Joseph</a> <a href="#">Aoun</a> met.</p><p>Second <i>para</i>graph</p>',
    );
    expect(bodyTexts()).toEqual(['Hezbollah and Joseph Aoun met.', 'Second paragraph']);
  });

  it('keeps each block with its text nodes, their starts and its block element', () => {
    setBody('<div id="d"><p id="p">Hez<b>bol<i>lah</i></b>!</p></div>');
    const [block] = collectTextBlocks(document.body);
    expect(block?.text).toBe('Hezbollah!');
    expect(block?.nodes.map((node) => node.data)).toEqual(['Hez', 'bol', 'lah', '!']);
    expect(block?.starts).toEqual([0, 3, 6, 9]);
    expect(block?.element.id).toBe('p');
  });

  it('ends a block at block elements, <br>, and at a nested block closing', () => {
    setBody(
      '<div>Alpha<p>Beta</p>Gamma</div><section>Delta<br>Epsilon</section><ul><li>One</li><li>Two</li></ul><h2>Head</h2>Tail',
    );
    expect(bodyTexts()).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'One', 'Two', 'Head', 'Tail']);
  });

  it('treats unknown and custom elements as blocks, comments as nothing', () => {
    setBody('<p>Hez<!-- a comment -->bollah</p><p>A<my-widget>B</my-widget>C</p>');
    expect(bodyTexts()).toEqual(['Hezbollah', 'A', 'B', 'C']);
  });

  it('skips whitespace-only text except between two inline runs', () => {
    setBody('<div>\n  <p>\n    <a>Joseph</a> <a>Aoun</a>\n  </p>\n  \n<p><b>Nabih</b>\n<b>Berri</b></p></div>');
    const blocks = collectTextBlocks(document.body);
    // Whitespace-only nodes at the ends of a block are not part of it; between two runs they are.
    expect(texts(blocks)).toEqual(['Joseph Aoun', 'Nabih\nBerri']);
    expect(blocks[0]?.nodes.map((node) => node.data)).toEqual(['Joseph', ' ', 'Aoun']);
    expect(blocks[1]?.nodes.map((node) => node.data)).toEqual(['Nabih', '\n', 'Berri']);
  });

  it('drops a whitespace-only node that ends a block', () => {
    setBody('<p><b>Beirut</b> </p><p> </p><p>\u00a0</p>');
    const blocks = collectTextBlocks(document.body);
    expect(texts(blocks)).toEqual(['Beirut']);
    expect(blocks[0]?.nodes).toHaveLength(1);
  });

  it.each([
    ['script', '<script>var Hezbollah = 1;</script>'],
    ['style', '<style>.Hezbollah { color: red }</style>'],
    ['noscript', '<noscript>Hezbollah</noscript>'],
    ['template', '<template>Hezbollah</template>'],
    ['textarea', '<textarea>Hezbollah</textarea>'],
    ['select/option', '<select><option>Hezbollah</option></select>'],
    ['code', '<p>Run <code>Hezbollah</code></p>'],
    ['pre', '<pre>Hezbollah</pre>'],
    ['kbd', '<p><kbd>Hezbollah</kbd></p>'],
    ['samp', '<p><samp>Hezbollah</samp></p>'],
    ['svg', '<svg><text>Hezbollah</text></svg>'],
    ['math', '<math><mi>Hezbollah</mi></math>'],
    // srcdoc: happy-dom logs an error for an iframe it may not load, not for an inline one.
    ['iframe', '<iframe srcdoc="<p>x</p>">Hezbollah</iframe>'],
    ['canvas', '<canvas>Hezbollah</canvas>'],
    ['contenteditable', '<div contenteditable="true"><p>Hezbollah</p></div>'],
    ['contenteditable (empty value)', '<div contenteditable><p>Hezbollah</p></div>'],
    ['contenteditable plaintext-only', '<div contenteditable="plaintext-only">Hezbollah</div>'],
    ['our own UI', `<${OWN_UI_TAG}><p>Hezbollah</p></${OWN_UI_TAG}>`],
  ])('never reads %s', (kind, html) => {
    setBody(`<p>Before</p>${html}<p>After</p>`);
    // The text is in the DOM (a template's is in its content fragment), so skipping it is the rule's doing.
    if (kind !== 'template') expect(document.body.textContent).toContain('Hezbollah');
    const read = bodyTexts().join('|');
    expect(read).not.toContain('Hezbollah');
    expect(read).toContain('Before');
    expect(read).toContain('After');
  });

  it('ends cleanly when the last thing in the root is skipped', () => {
    setBody('<p>A</p><div><section><pre>x</pre></section></div>');
    expect(bodyTexts()).toEqual(['A']);
    const div = document.querySelector('div') as Element;
    expect(collectTextBlocks(div)).toEqual([]);
  });

  it('reads contenteditable="false" islands like any text', () => {
    setBody('<div contenteditable="false"><p>Hezbollah</p></div>');
    expect(bodyTexts()).toEqual(['Hezbollah']);
  });

  it('skips what options.skip says, and ends the block at any skipped element', () => {
    setBody('<p>Hez<code>x</code>bollah</p><aside class="ad"><p>Buy now</p></aside><p>Kept</p>');
    const blocks = collectTextBlocks(document.body, { skip: (element) => element.classList.contains('ad') });
    expect(texts(blocks)).toEqual(['Hez', 'bollah', 'Kept']);
  });

  it('reads nothing under a root that is itself inside a skipped element', () => {
    setBody('<pre><span id="inside">Hezbollah</span></pre>');
    expect(collectTextBlocks(document.getElementById('inside') as Element)).toEqual([]);
  });

  it('drops blocks shorter than minLength', () => {
    setBody('<p>A</p><p>UN</p><p>Beirut</p>');
    expect(texts(collectTextBlocks(document.body, { minLength: 2 }))).toEqual(['UN', 'Beirut']);
  });

  it('counts the characters and text nodes it returns', () => {
    setBody('<p>Hez<b>bollah</b></p><p>Aoun</p><script>ignored()</script>');
    const collector = new TextBlockCollector(document.body);
    collector.next();
    expect(collector.stats).toEqual({ textChars: 13, textNodes: 3 });
  });
});

describe('blockAncestor', () => {
  it('climbs over inline elements only', () => {
    setBody('<article><p id="p"><a><b id="b">x</b></a></p></article>');
    const b = document.getElementById('b') as Element;
    expect(blockAncestor(b.firstChild as Text)?.id).toBe('p');
    expect(blockAncestor(document.getElementById('p') as Element)?.id).toBe('p');
  });
});

describe('spanToRange', () => {
  it('maps a span across inline elements to one range over several text nodes', () => {
    setBody('<p>The group Hez<b>bollah</b> said.</p>');
    const [block] = collectTextBlocks(document.body);
    const range = span(block as TextBlock, 'Hezbollah');
    expect(range.toString()).toBe('Hezbollah');
    expect(range.startContainer).toBe(block?.nodes[0]);
    expect(range.startOffset).toBe(10);
    expect(range.endContainer).toBe(block?.nodes[1]);
    expect(range.endOffset).toBe(6);
  });

  it('keeps boundaries inside the node that holds the characters', () => {
    setBody('<p><a>Joseph</a> <a>Aoun</a> spoke</p>');
    const [block] = collectTextBlocks(document.body);
    const aoun = span(block as TextBlock, 'Aoun');
    // Not the end of " " nor an empty start in " spoke".
    expect(aoun.startContainer).toBe(aoun.endContainer);
    expect((aoun.startContainer as Text).data).toBe('Aoun');
    const joseph = span(block as TextBlock, 'Joseph');
    expect(joseph.endContainer).toBe(joseph.startContainer);
    expect(joseph.endOffset).toBe(6);
    expect(span(block as TextBlock, 'Joseph Aoun').toString()).toBe('Joseph Aoun');
  });

  it('works with UTF-16 offsets (Arabic, emoji) and clamps out-of-range spans', () => {
    setBody('<p>🇱🇧 <b>حزب</b> الله</p>');
    const [block] = collectTextBlocks(document.body);
    expect(span(block as TextBlock, 'حزب الله').toString()).toBe('حزب الله');
    expect(spanToRange(block as TextBlock, -5, 1000).toString()).toBe(block?.text);
  });

  it('tells when a block no longer matches the page', () => {
    setBody('<p id="p">Hez<b>bollah</b></p>');
    const [block] = collectTextBlocks(document.body);
    expect(isBlockCurrent(block as TextBlock)).toBe(true);
    (block?.nodes[1] as Text).data = 'bollah!';
    expect(isBlockCurrent(block as TextBlock)).toBe(false);
  });
});

describe('rangeTextNodes', () => {
  it('lists the text nodes a range covers, not the ones it only touches', () => {
    setBody('<p>Hez<b>bol<i>lah</i></b> said</p>');
    const [block] = collectTextBlocks(document.body);
    const nodes = rangeTextNodes(span(block as TextBlock, 'Hezbollah'));
    expect(nodes.map((node) => node.data)).toEqual(['Hez', 'bol', 'lah']);
    // Ends at the end of "lah": " said" is not covered.
    const range = document.createRange();
    range.setStart(block?.nodes[0] as Text, 3); // End of "Hez": covers nothing of it.
    range.setEnd(block?.nodes[3] as Text, 0);
    expect(rangeTextNodes(range).map((node) => node.data)).toEqual(['bol', 'lah']);
  });

  it('steps between text nodes in document order', () => {
    setBody('<p id="p">A<b><i>B</i><span></span></b>C</p><p>D</p>');
    const [first, second] = collectTextBlocks(document.body);
    const [a, b, c] = first?.nodes ?? [];
    expect(nextText(a as Text)?.data).toBe('B');
    expect(nextText(c as Text)).toBe(second?.nodes[0]);
    expect(previousText(c as Text)).toBe(b);
    expect(previousText(second?.nodes[0] as Text)).toBe(c);
    expect(previousText(a as Text)).toBeNull();
    expect(nextText(second?.nodes[0] as Text)).toBeNull();
    const p = document.getElementById('p') as Element;
    expect(firstTextWithin(p)).toBe(a);
    expect(lastTextWithin(p)).toBe(c);
    expect(firstTextWithin(p.querySelector('span') as Element)).toBeNull();
    expect(lastTextWithin(p.querySelector('span') as Element)).toBeNull();
    expect(firstTextWithin(p.querySelector('b') as Element)).toBe(b);
    expect(lastTextWithin(p.querySelector('b') as Element)).toBe(b);
  });

  it('handles element boundaries', () => {
    setBody('<p id="p">A<b>B</b>C</p>');
    const p = document.getElementById('p') as Element;
    const range = document.createRange();
    range.setStart(p, 1);
    range.setEnd(p, 2);
    expect(rangeTextNodes(range).map((node) => node.data)).toEqual(['B']);
  });
});

describe('chunked and incremental collection', () => {
  function bigPage(paragraphs: number): void {
    const parts: string[] = [];
    for (let i = 0; i < paragraphs; i++) {
      parts.push(
        `<p>Paragraph ${i}: <a>Joseph</a> <a>Aoun</a> met Hez<b>bollah</b> envoys.<br>Line two <span>of ${i}</span></p>`,
        i % 7 === 0 ? '<pre>skipped()</pre><div> </div>' : '',
      );
    }
    setBody(`<article>${parts.join('')}</article>`);
  }

  it('returns the same blocks, in the same order, however it is chunked', () => {
    bigPage(300);
    const oneShot = collectTextBlocks(document.body);
    const collector = new TextBlockCollector(document.body);
    const chunked: TextBlock[] = [];
    let chunks = 0;
    while (!collector.done) {
      // A deadline already passed: each call reads one clock-read's worth of nodes.
      chunked.push(...collector.next(0));
      chunks++;
    }
    expect(chunks).toBeGreaterThan(5);
    expect(texts(chunked)).toEqual(texts(oneShot));
    expect(chunked.map((block) => block.nodes)).toEqual(oneShot.map((block) => block.nodes));
    expect(collector.stats.textChars).toBe(oneShot.reduce((sum, block) => sum + block.text.length, 0));
    expect(collector.next()).toEqual([]);
  });

  it('reads the blocks of added and changed nodes, each block once', () => {
    setBody('<article id="a"><p id="p1">First <b id="b">bold</b></p><div id="d"><p id="p2">Second</p></div></article>');
    const p1 = document.getElementById('p1') as Element;
    const b = document.getElementById('b') as Element;
    const added = document.createElement('span');
    added.textContent = ' Hezbollah';
    p1.append(added);
    const newP = document.createElement('p');
    newP.append('New ', document.createElement('em'));
    (newP.lastChild as Element).textContent = 'Aoun';
    document.getElementById('d')?.append(newP);

    // A batch as a MutationObserver would give it: added nodes and changed text, with repeats.
    const batch = [added, added.firstChild as Node, b.firstChild as Node, newP, newP.lastChild as Node];
    expect(rescanRoots(batch).map((element) => element.id || element.localName)).toEqual(['p1', 'p']);
    const collector = collectTextBlocksWithin(batch);
    expect(texts(collector.next())).toEqual(['First bold Hezbollah', 'New Aoun']);
    expect(collector.done).toBe(true);
  });

  it('keeps a block root and drops the roots inside it', () => {
    setBody('<div id="d">Intro<p id="p">Inner <b>x</b></p></div>');
    const d = document.getElementById('d') as Element;
    const p = document.getElementById('p') as Element;
    expect(rescanRoots([p.lastChild as Node, d.firstChild as Node])).toEqual([d]);
    expect(texts(collectTextBlocksWithin([p, d]).next())).toEqual(['Intro', 'Inner x']);
  });

  it('ignores removed nodes and nodes inside skipped elements', () => {
    setBody('<pre id="pre">code</pre><p id="p">text</p>');
    const removed = document.getElementById('p') as Element;
    removed.remove();
    const inPre = document.createElement('span');
    document.getElementById('pre')?.append(inPre);
    expect(rescanRoots([removed, inPre])).toEqual([]);
  });

  it('reads several roots in chunks like one', () => {
    bigPage(60);
    const paragraphs = Array.from(document.querySelectorAll('p'));
    const oneShot = texts(collectTextBlocksWithin(paragraphs).next());
    const collector = collectTextBlocksWithin(paragraphs);
    const chunked: string[] = [];
    while (!collector.done) chunked.push(...texts(collector.next(0)));
    expect(chunked).toEqual(oneShot);
    expect(oneShot).toHaveLength(120);
  });
});
