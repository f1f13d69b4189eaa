/**
 * The floor of issue #6: walking every text node of the page and reading
 * every character, the least any annotator must do. One implementation,
 * bundled into the annotation benchmark's pages (`annotation-page.ts`) and
 * into the extension benchmark's probes (`extension-probes-page.ts`), so both
 * compare against the same floor.
 */

export interface FloorRun {
  ms: number;
  chars: number;
  textNodes: number;
  checksum: number;
}

/** The floor: walk every text node and read every character (the checksum keeps the reads from being optimised away). */
export function runFloor(doc: Document = document): FloorRun {
  const started = performance.now();
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let checksum = 0;
  let chars = 0;
  let textNodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    textNodes++;
    chars += data.length;
    for (let i = 0; i < data.length; i++) checksum = (checksum + data.charCodeAt(i)) | 0;
  }
  return { ms: performance.now() - started, chars, textNodes, checksum };
}
