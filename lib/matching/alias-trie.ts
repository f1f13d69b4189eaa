/**
 * The matcher's data structure: a trie of folded alias keys in typed arrays,
 * and a small dense automaton over its shallow part that lets the scan read
 * most of a page at close to the cost of reading the string.
 *
 * Trie: nodes are numbered breadth-first, so a node's children have
 * consecutive ids (`firstChild[n]` to `firstChild[n + 1]`) and only the symbol
 * on the edge into each node is stored. Wide nodes (the root and a few near
 * it) also get a dense row indexed by symbol.
 *
 * Filter: one row per state, one column per character class. States are
 * SKIP (inside a word that cannot start a match), READY (at a word start) and
 * trie nodes reached from a word start through word characters only, as many
 * as fit a memory budget. A transition to INTERESTING means "this word may
 * hold a match": the word ends where a key ends, the path leaves the budgeted
 * part, or it crosses a space or punctuation. The scan then runs the exact
 * walk. Every other character costs two table loads and no unpredictable
 * branch.
 *
 * A word that starts with a lower-case letter can only match an alias that
 * starts with one ("the Trump administration"): names never match in lower
 * case. So the first letter's case picks the trie the filter follows: all
 * keys, or the few with such an alias (`anyCase` turns this off, for event
 * cues). Most words of a text start in lower case and are skipped at their
 * first letter. A text that ends inside a trie state is checked by the caller.
 */

import { appendAll } from '../text/append-all';
import {
  CHAR_IGNORE,
  CHAR_LOWER,
  CHAR_SPACE,
  CHAR_SURROGATE,
  CHAR_UPPER,
  CHAR_WORD,
  charFlags,
  encodeTable,
  FLAG_TABLE,
  FOLD_TABLE,
  TableReader,
  tableChecksum,
} from '../text/fold-text';

// Local copies: bundlers and test runners may compile imported bindings to getters.
const WORD = CHAR_WORD;
const IGNORE = CHAR_IGNORE;
const SPACE = CHAR_SPACE;
const SURROGATE = CHAR_SURROGATE;
const LOWER = CHAR_LOWER;
const UPPER = CHAR_UPPER;
const flagsOf = charFlags;

/**
 * Text unit classes (columns of the filter). After these six, each symbol has
 * a class (`symbolClass`), and a symbol that is a letter with case has a
 * second one right after it for its lower-case form; `classSymbol` maps back.
 */
export const CLASS_OTHER_NONWORD = 0;
export const CLASS_OTHER_WORD = 1;
export const CLASS_IGNORE_WORD = 2;
export const CLASS_IGNORE_NONWORD = 3;
export const CLASS_SPACE = 4;
export const CLASS_SURROGATE = 5;
/** The first class that stands for a symbol. */
export const CLASS_FIRST_SYMBOL = 6;

/** Units below this (Latin to Arabic, and General Punctuation's quotes, dashes and spaces) get a class table. */
export const UNIT_CLASS_TABLE_SIZE = 0x2070;

/** Nodes with at least this many children get a dense row (one slot per symbol). */
const DENSE_MIN_CHILDREN = 6;
/** Folded codes below this map to symbols through a table, above through a Map (rare scripts). */
const SYMBOL_TABLE_LIMIT = 0x3000;
/** Bytes the filter may take: more states mean fewer exact walks. */
export const FILTER_BUDGET_BYTES = 192 * 1024;

export interface AliasTrie {
  nodeCount: number;
  /** Symbols 1 to `symbolCount - 1`; word symbols come first, from `firstNonWordSymbol` on they are punctuation or space. */
  symbolCount: number;
  firstNonWordSymbol: number;
  spaceSymbol: number;
  /** Folded code to symbol, 0 if no key uses it. */
  symbolOf(code: number): number;
  /** Symbol of a class (0 for the six fixed classes). */
  classSymbol: Uint16Array;
  /** Class of a text unit below {@link UNIT_CLASS_TABLE_SIZE}, or `unknownClass` until {@link classOfUnit} has seen it. */
  unitClass: Uint16Array;
  /** A column of its own, INTERESTING in every row, so the scan needs no separate check for units not seen yet. */
  unknownClass: number;
  /** Class of any text unit (fills `unitClass`). */
  classOfUnit(c: number): number;
  firstChild: Int32Array;
  nodeSymbol: Uint16Array;
  /** Child of `node` through `symbol`, 0 if none (the root is never a child). */
  childOf(node: number, symbol: number): number;
  /** Dense root row: `rootRow[symbol]` is the root's child. */
  rootRow: Int32Array;
  terminalBits: Int32Array;
  /** Index of a terminal node into `terminalNodes`, in constant time (a rank over `terminalBits`). */
  terminalIndex(node: number): number;
  /** Terminal node ids, ascending, and the index (into the sorted keys) of the key each one ends. */
  terminalNodes: Int32Array;
  terminalKey: Int32Array;
  /** The filter: `filter[state + class]` is the next state; states are row offsets. */
  filter: Int32Array;
  /** Columns per row (the classes and the unknown column). */
  filterClasses: number;
  /** States at or above this mean INTERESTING. */
  interesting: number;
  /** Trie node of each filter row (-1 for SKIP). */
  rowNode: Int32Array;
  /** A filter for another memory budget (same SKIP and READY states, same columns). */
  buildFilter(budget: number): AliasFilter;
  skipState: number;
  readyState: number;
  /** Bytes held by the typed arrays, for the memory report. */
  byteLength: number;
}

export interface AliasTrieOptions {
  /** Folded codes that must get a symbol even if no key uses them (Arabic and Hebrew prefix letters). */
  extraCodes?: readonly number[];
  /** Folded codes that make a word start INTERESTING whatever follows (those prefix letters). */
  interestingFirst?: readonly number[];
  /** Per sorted key: whether one of its aliases starts with a lower-case letter, so a lower-case word may match it. */
  lowerStart?: readonly boolean[];
  /** Keys match in any case (event cues): a lower-case first letter takes the same path as any other. */
  anyCase?: boolean;
  /** Bytes the filter may take (default 192 KiB). */
  filterBudget?: number;
}

/**
 * The trie in JSON-serialisable form: what {@link compileAliasTrie} computes
 * once (build time, or the background) and {@link loadAliasTrie} reads on a
 * page with no more than a decode and a few linear passes. Tables are base64
 * of little-endian typed arrays (`encodeTable`), with a checksum over them.
 */
export interface AliasTrieData {
  nodeCount: number;
  symbolCount: number;
  firstNonWordSymbol: number;
  /** Filter columns before the unknown one. */
  classCount: number;
  terminalCount: number;
  anyCase: boolean;
  /** Symbols that make a word start INTERESTING whatever follows. */
  interestingFirst: number[];
  /** Nodes on a path to a key a lower-case word may match, ascending. */
  lowerReach: number[];
  /** Folded code of symbols 1 to `symbolCount - 1` (Uint16). */
  symbolCodes: string;
  /** Symbol of each class (Uint16, `classCount + 1`). */
  classSymbol: string;
  /** Per node: children count and the symbol into it; Uint8 when `symbolCount` fits a byte, else Uint16. */
  childCount: string;
  nodeSymbol: string;
  /** Terminal nodes, ascending, and the sorted key each ends (Int32). */
  terminalNodes: string;
  terminalKey: string;
  /** Per terminal: 1 if a lower-case word may match its key (Uint8). */
  terminalLower: string;
  checksum: number;
}

/**
 * Builds the trie and its filter from distinct folded keys, sorted by code unit.
 *
 * @example const trie = buildAliasTrie(['hezbollah', 'israel', 'israel katz']);
 */
export function buildAliasTrie(sortedKeys: readonly string[], options: AliasTrieOptions = {}): AliasTrie {
  return loadAliasTrie(compileAliasTrie(sortedKeys, options), options.filterBudget);
}

/**
 * The slow part of {@link buildAliasTrie}, done once: symbols and the trie
 * over the sorted keys, as JSON-serialisable data.
 */
export function compileAliasTrie(sortedKeys: readonly string[], options: AliasTrieOptions = {}): AliasTrieData {
  // Symbols: the distinct units of the keys, word units first. Marks for the
  // common scripts and a set for the rest: cheaper than a set for every unit.
  const used = new Uint8Array(UNIT_CLASS_TABLE_SIZE);
  const rare = new Set<number>();
  const mark = (code: number) => {
    if (code < UNIT_CLASS_TABLE_SIZE) used[code] = 1;
    else rare.add(code);
  };
  for (const code of options.extraCodes ?? []) mark(code);
  for (const key of sortedKeys) for (let k = 0; k < key.length; k++) mark(key.charCodeAt(k));
  const codes: number[] = [];
  for (let code = 0; code < UNIT_CLASS_TABLE_SIZE; code++) if (used[code]) codes.push(code);
  appendAll(
    codes,
    [...rare].sort((a, b) => a - b),
  );
  const isWordCode = (code: number) => (flagsOf(code) & WORD) !== 0;
  const sortedCodes = [...codes.filter(isWordCode), ...codes.filter((code) => !isWordCode(code))];
  const symbolCount = sortedCodes.length + 1;
  const firstNonWordSymbol = sortedCodes.filter(isWordCode).length + 1;
  const symbolIndex = new Map<number, number>();
  sortedCodes.forEach((code, index) => {
    symbolIndex.set(code, index + 1);
  });
  const symbolOf = (code: number): number => symbolIndex.get(code) ?? 0;

  // A column per symbol, two for a letter with case (the lower-case form second).
  let classes = CLASS_FIRST_SYMBOL;
  const classList: number[] = [0, 0, 0, 0, 0, 0];
  sortedCodes.forEach((code, index) => {
    classList.push(index + 1);
    if (flagsOf(code) & LOWER) classList.push(index + 1);
  });
  classes = classList.length;
  const classSymbol = Uint16Array.from([...classList, 0]);

  // The trie, breadth-first from ranges of the sorted keys: the keys under a
  // node share its prefix, and a key equal to the prefix sorts first.
  let maxNodes = 1;
  for (const key of sortedKeys) maxNodes += key.length;
  const childCountBuild = new Uint16Array(maxNodes);
  const nodeSymbolBuild = new Uint16Array(maxNodes);
  const rangeLow = new Int32Array(maxNodes);
  const rangeHigh = new Int32Array(maxNodes);
  const depthOf = new Int32Array(maxNodes);
  const parentBuild = new Int32Array(maxNodes);
  const terminalNodeList: number[] = [];
  const terminalKeyList: number[] = [];
  rangeHigh[0] = sortedKeys.length;
  let nodeCount = 1;
  for (let node = 0; node < nodeCount; node++) {
    const high = rangeHigh[node] as number;
    const depth = depthOf[node] as number;
    let j = rangeLow[node] as number;
    const first = nodeCount;
    if (j < high && (sortedKeys[j] as string).length === depth) {
      terminalNodeList.push(node);
      terminalKeyList.push(j);
      j++;
    }
    while (j < high) {
      const code = (sortedKeys[j] as string).charCodeAt(depth);
      let k = j + 1;
      while (k < high && (sortedKeys[k] as string).charCodeAt(depth) === code) k++;
      nodeSymbolBuild[nodeCount] = symbolOf(code);
      parentBuild[nodeCount] = node;
      rangeLow[nodeCount] = j;
      rangeHigh[nodeCount] = k;
      depthOf[nodeCount] = depth + 1;
      nodeCount++;
      j = k;
    }
    childCountBuild[node] = nodeCount - first;
  }
  const narrow = symbolCount <= 0xff;
  const childCount = narrow
    ? Uint8Array.from(childCountBuild.subarray(0, nodeCount))
    : childCountBuild.slice(0, nodeCount);
  const nodeSymbol = narrow
    ? Uint8Array.from(nodeSymbolBuild.subarray(0, nodeCount))
    : nodeSymbolBuild.slice(0, nodeCount);
  const lowerStart = options.lowerStart ?? [];
  const lowerReachBuild = new Uint8Array(nodeCount);
  terminalNodeList.forEach((node, t) => {
    if (lowerStart[terminalKeyList[t] as number]) lowerReachBuild[node] = 1;
  });
  for (let node = nodeCount - 1; node > 0; node--) {
    if (lowerReachBuild[node]) lowerReachBuild[parentBuild[node] as number] = 1;
  }
  const lowerReach: number[] = [];
  for (let node = 0; node < nodeCount; node++) if (lowerReachBuild[node]) lowerReach.push(node);
  const terminalNodes = Int32Array.from(terminalNodeList);
  const terminalKey = Int32Array.from(terminalKeyList);
  const terminalLower = Uint8Array.from(terminalKeyList, (key) => (lowerStart[key] ? 1 : 0));
  const symbolCodes = Uint16Array.from(sortedCodes);
  const interestingFirst = [...new Set((options.interestingFirst ?? []).map(symbolOf))];
  const anyCase = options.anyCase === true;
  const header = trieHeader(nodeCount, symbolCount, firstNonWordSymbol, classes, terminalNodes.length, anyCase, [
    ...interestingFirst,
    -1,
    ...lowerReach,
  ]);
  const tables = [header, symbolCodes, classSymbol, childCount, nodeSymbol, terminalNodes, terminalKey, terminalLower];
  return {
    nodeCount,
    symbolCount,
    firstNonWordSymbol,
    classCount: classes,
    terminalCount: terminalNodes.length,
    anyCase,
    interestingFirst,
    lowerReach,
    symbolCodes: encodeTable(symbolCodes),
    classSymbol: encodeTable(classSymbol),
    childCount: encodeTable(childCount),
    nodeSymbol: encodeTable(nodeSymbol),
    terminalNodes: encodeTable(terminalNodes),
    terminalKey: encodeTable(terminalKey),
    terminalLower: encodeTable(terminalLower),
    checksum: tableChecksum(tables),
  };
}

/** The dense filter's tables for one memory budget (see the file comment). */
export interface AliasFilter {
  /** `filter[state + class]` is the next state; states are row offsets. */
  filter: Int32Array;
  /** States at or above this mean INTERESTING. */
  interesting: number;
  /** Trie node of each filter row (-1 for SKIP). */
  rowNode: Int32Array;
}

/**
 * Reads {@link compileAliasTrie}'s output: decodes the tables, derives the
 * child offsets, terminal ranks and dense rows in linear passes, and builds
 * the filter for `filterBudget` bytes. Throws if the data is damaged.
 */
export function loadAliasTrie(
  data: AliasTrieData,
  filterBudget = FILTER_BUDGET_BYTES,
  label = 'the alias trie',
): AliasTrie {
  const reader = new TableReader(label);
  if (data === null || typeof data !== 'object') reader.fail('missing');
  const { nodeCount, symbolCount, firstNonWordSymbol, classCount: classes, terminalCount } = data;
  const count = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min;
  if (
    !count(nodeCount, 1) ||
    !count(symbolCount, 1) ||
    !count(classes, CLASS_FIRST_SYMBOL) ||
    !count(terminalCount, 0) ||
    !count(firstNonWordSymbol, 1) ||
    !Array.isArray(data.interestingFirst)
  ) {
    reader.fail('bad sizes');
  }
  const narrow = symbolCount <= 0xff;
  // The sizes and flags go into the checksum too.
  if (!Array.isArray(data.lowerReach)) reader.fail('lowerReach is missing');
  reader.mix(
    trieHeader(nodeCount, symbolCount, firstNonWordSymbol, classes, terminalCount, data.anyCase, [
      ...data.interestingFirst,
      -1,
      ...data.lowerReach,
    ]),
  );
  const symbolCodes = reader.read(data.symbolCodes, Uint16Array, symbolCount - 1, 'symbolCodes');
  const classSymbol = reader.read(data.classSymbol, Uint16Array, classes + 1, 'classSymbol');
  const childCountRaw = narrow
    ? reader.read(data.childCount, Uint8Array, nodeCount, 'childCount')
    : reader.read(data.childCount, Uint16Array, nodeCount, 'childCount');
  const nodeSymbolRaw = narrow
    ? reader.read(data.nodeSymbol, Uint8Array, nodeCount, 'nodeSymbol')
    : reader.read(data.nodeSymbol, Uint16Array, nodeCount, 'nodeSymbol');
  const terminalNodes = reader.read(data.terminalNodes, Int32Array, terminalCount, 'terminalNodes');
  const terminalKey = reader.read(data.terminalKey, Int32Array, terminalCount, 'terminalKey');
  const terminalLower = reader.read(data.terminalLower, Uint8Array, terminalCount, 'terminalLower');
  reader.verify(data.checksum);
  const nodeSymbol = narrow ? new Uint16Array(nodeSymbolRaw) : (nodeSymbolRaw as Uint16Array);

  // Symbols back to codes, and each symbol's first class (a letter with case has two).
  let maxCode = 0x20;
  for (let s = 0; s < symbolCodes.length; s++)
    if ((symbolCodes[s] as number) > maxCode) maxCode = symbolCodes[s] as number;
  const symbolTable = new Uint16Array(Math.min(SYMBOL_TABLE_LIMIT, maxCode + 1));
  const symbolTableLength = symbolTable.length;
  const bigSymbols = new Map<number, number>();
  for (let s = 1; s < symbolCount; s++) {
    const code = symbolCodes[s - 1] as number;
    if (code < symbolTableLength) symbolTable[code] = s;
    else bigSymbols.set(code, s);
  }
  const symbolOf = (code: number): number =>
    code < symbolTableLength ? (symbolTable[code] as number) : (bigSymbols.get(code) ?? 0);
  const spaceSymbol = symbolOf(0x20);
  const symbolClass = new Uint16Array(symbolCount);
  const symbolCased = new Uint8Array(symbolCount);
  for (let cls = CLASS_FIRST_SYMBOL; cls < classes; cls++) {
    const symbol = classSymbol[cls] as number;
    if (symbol === 0 || symbol >= symbolCount) reader.fail('classSymbol out of range');
    if (symbolClass[symbol] === 0) symbolClass[symbol] = cls;
    else symbolCased[symbol] = 1;
  }

  const unknownClass = classes;
  const unitClass = new Uint16Array(UNIT_CLASS_TABLE_SIZE).fill(unknownClass);
  const flagTable = FLAG_TABLE;
  const foldTable = FOLD_TABLE;
  function classOfUnit(c: number): number {
    const flags = flagTable[c] || flagsOf(c);
    let cls: number;
    if (flags & SURROGATE) cls = CLASS_SURROGATE;
    else if (flags & IGNORE) cls = flags & WORD ? CLASS_IGNORE_WORD : CLASS_IGNORE_NONWORD;
    else if (flags & SPACE) cls = CLASS_SPACE;
    else {
      const symbol = symbolOf(foldTable[c] as number);
      const lower = symbolCased[symbol] && (flags & (LOWER | UPPER)) === LOWER ? 1 : 0;
      cls = symbol ? (symbolClass[symbol] as number) + lower : flags & WORD ? CLASS_OTHER_WORD : CLASS_OTHER_NONWORD;
    }
    if (c < UNIT_CLASS_TABLE_SIZE) unitClass[c] = cls;
    return cls;
  }

  // Children are consecutive: offsets are a running sum of the counts.
  const firstChild = new Int32Array(nodeCount + 1);
  let next = 1;
  for (let node = 0; node < nodeCount; node++) {
    firstChild[node] = next;
    next += childCountRaw[node] as number;
  }
  firstChild[nodeCount] = next;
  if (next !== nodeCount) reader.fail('child counts do not add up');

  const terminalBits = new Int32Array((nodeCount >>> 5) + 1);
  for (let t = 0; t < terminalCount; t++) {
    const node = terminalNodes[t] as number;
    if (node < 0 || node >= nodeCount || (t > 0 && node <= (terminalNodes[t - 1] as number))) {
      reader.fail('terminalNodes out of order');
    }
    terminalBits[node >>> 5] = (terminalBits[node >>> 5] as number) | (1 << (node & 31));
  }
  const isTerminal = (node: number) => ((terminalBits[node >>> 5] as number) & (1 << (node & 31))) !== 0;
  // Terminals before each 32-node word of the bitset, for a constant-time rank.
  const terminalRank = new Int32Array(terminalBits.length);
  for (let w = 1; w < terminalBits.length; w++) {
    terminalRank[w] = (terminalRank[w - 1] as number) + popCount(terminalBits[w - 1] as number);
  }
  const terminalIndex = (node: number): number =>
    (terminalRank[node >>> 5] as number) + popCount((terminalBits[node >>> 5] as number) & ((1 << (node & 31)) - 1));

  // Dense rows for wide nodes; breadth-first numbering keeps them at small ids.
  let denseRows = 0;
  let denseLimit = 1;
  for (let node = 0; node < nodeCount; node++) {
    if (node === 0 || (childCountRaw[node] as number) >= DENSE_MIN_CHILDREN) {
      denseRows++;
      denseLimit = node + 1;
    }
  }
  const rowOf = new Int32Array(denseLimit).fill(-1);
  const dense = new Int32Array(denseRows * symbolCount);
  for (let node = 0, row = 0; node < denseLimit; node++) {
    const begin = firstChild[node] as number;
    const end = firstChild[node + 1] as number;
    if (node !== 0 && end - begin < DENSE_MIN_CHILDREN) continue;
    rowOf[node] = row * symbolCount;
    for (let child = begin; child < end; child++) {
      const symbol = nodeSymbol[child] as number;
      if (symbol === 0 || symbol >= symbolCount) reader.fail('nodeSymbol out of range');
      dense[row * symbolCount + symbol] = child;
    }
    row++;
  }
  const rootRow = dense.subarray(0, symbolCount);

  function childOf(node: number, symbol: number): number {
    if (node < denseLimit) {
      const r = rowOf[node] as number;
      if (r >= 0) return dense[r + symbol] as number;
    }
    const end = firstChild[node + 1] as number;
    for (let child = firstChild[node] as number; child < end; child++) {
      if (nodeSymbol[child] === symbol) return child;
    }
    return 0;
  }

  const columns = classes + 1;
  const skipState = 0;
  const readyState = columns;
  const isWordSymbol = (symbol: number) => symbol < firstNonWordSymbol;
  const firstNonWordColumn = firstNonWordSymbol < symbolCount ? (symbolClass[firstNonWordSymbol] as number) : classes;
  const anyCase = data.anyCase === true;
  const interestingFirst = data.interestingFirst;
  for (const symbol of interestingFirst) if (!(symbol > 0 && symbol < symbolCount)) reader.fail('interestingFirst');
  for (const node of data.lowerReach) if (!(node >= 0 && node < nodeCount)) reader.fail('lowerReach');
  let lowerEnd: Uint8Array | undefined;
  let lowerReach: Uint8Array | undefined;

  /**
   * The filter. Row 0 is SKIP, row 1 READY (the root); then trie nodes reached
   * through word symbols only, shallow first, while the budget lasts: a row
   * for the node as reached from any word, and one more for nodes on a path
   * a lower-case word can follow.
   */
  function buildFilter(budget: number): AliasFilter {
    if (!lowerEnd || !lowerReach) {
      // Nodes on a path to a key that a lower-case word may match (listed by the build: a few).
      lowerEnd = new Uint8Array(nodeCount);
      lowerReach = new Uint8Array(nodeCount);
      for (let t = 0; t < terminalCount; t++) if (terminalLower[t]) lowerEnd[terminalNodes[t] as number] = 1;
      for (const node of data.lowerReach) lowerReach[node] = 1;
    }
    const reach = lowerReach;
    const ends = lowerEnd;
    const maxRows = Math.max(2, Math.floor(budget / (4 * columns)));
    const rowOfNode = new Int32Array(nodeCount).fill(-1);
    const lowerRowOfNode = new Int32Array(nodeCount).fill(-1);
    const rowNodes: number[] = [-1, 0];
    const rowIsLower: boolean[] = [false, false];
    rowOfNode[0] = 1;
    // Breadth-first over both kinds of row, so shallow nodes (the most visited) come first.
    for (let node = 0; node < nodeCount && rowNodes.length < maxRows; node++) {
      const main = node === 0 || (rowOfNode[node] as number) >= 0;
      const lower = !anyCase && (node === 0 || (lowerRowOfNode[node] as number) >= 0);
      if (!main && !lower) continue;
      const end = firstChild[node + 1] as number;
      for (let child = firstChild[node] as number; child < end && rowNodes.length < maxRows; child++) {
        if (!isWordSymbol(nodeSymbol[child] as number)) continue;
        if (main) {
          rowOfNode[child] = rowNodes.length;
          rowNodes.push(child);
          rowIsLower.push(false);
        }
        if (lower && reach[child] && rowNodes.length < maxRows) {
          lowerRowOfNode[child] = rowNodes.length;
          rowNodes.push(child);
          rowIsLower.push(true);
        }
      }
    }
    const rows = rowNodes.length;
    const interesting = rows * columns;
    const filter = new Int32Array(rows * columns).fill(interesting);
    const stateOf = (row: number) => (row >= 0 ? row * columns : interesting);
    for (let row = 0; row < rows; row++) {
      const base = row * columns;
      const node = rowNodes[row] as number;
      const lowerPath = rowIsLower[row] as boolean;
      const root = node === 0;
      // On a lower-case path, only the keys a lower-case word may match count.
      const keyEnds = node >= 0 && isTerminal(node) && (!lowerPath || ends[node] === 1);
      // At a key's end, a unit that ends the word may complete a match; in SKIP, it starts the next word.
      const wordEnd = keyEnds ? interesting : readyState;
      // Every symbol without a child first: word units stay in (or go to) SKIP, others end the word.
      filter.fill(skipState, base + CLASS_FIRST_SYMBOL, base + firstNonWordColumn);
      filter.fill(wordEnd, base + firstNonWordColumn, base + classes);
      filter[base + CLASS_OTHER_WORD] = skipState;
      filter[base + CLASS_OTHER_NONWORD] = wordEnd;
      filter[base + CLASS_SPACE] = wordEnd;
      filter[base + CLASS_SURROGATE] = interesting;
      if (node < 0) {
        // SKIP: stay until a unit that is not part of a word.
        filter[base + CLASS_IGNORE_WORD] = skipState;
        filter[base + CLASS_IGNORE_NONWORD] = readyState;
        continue;
      }
      filter[base + CLASS_IGNORE_WORD] = root ? skipState : base;
      filter[base + CLASS_IGNORE_NONWORD] = root ? readyState : interesting;
      // Then the children. The root has a column per case: the first letter's case picks the path.
      const end = firstChild[node + 1] as number;
      for (let child = firstChild[node] as number; child < end; child++) {
        const symbol = nodeSymbol[child] as number;
        const word = isWordSymbol(symbol);
        const column = base + (symbolClass[symbol] as number);
        const cased = symbolCased[symbol] === 1;
        const counts = !lowerPath || reach[child] === 1;
        if (symbol === spaceSymbol) {
          if (counts) filter[base + CLASS_SPACE] = interesting;
        } else if (root) {
          filter[column] = word ? stateOf(rowOfNode[child] as number) : interesting;
          if (cased && anyCase) filter[column + 1] = filter[column] as number;
          else if (cased && reach[child]) filter[column + 1] = stateOf(lowerRowOfNode[child] as number);
        } else if (counts) {
          const state = word ? stateOf((lowerPath ? lowerRowOfNode[child] : rowOfNode[child]) as number) : interesting;
          filter[column] = state;
          if (cased) filter[column + 1] = state;
        }
      }
      if (root) {
        // Prefix letters that begin no key still send the word to the exact walk.
        for (const symbol of interestingFirst) {
          filter[base + (symbolClass[symbol] as number)] = interesting;
          if (symbolCased[symbol]) filter[base + (symbolClass[symbol] as number) + 1] = interesting;
        }
      }
    }
    return { filter, interesting, rowNode: Int32Array.from(rowNodes) };
  }

  const { filter, interesting, rowNode } = buildFilter(filterBudget);
  const byteLength =
    unitClass.byteLength +
    classSymbol.byteLength +
    symbolTable.byteLength +
    firstChild.byteLength +
    nodeSymbol.byteLength +
    rowOf.byteLength +
    dense.byteLength +
    terminalBits.byteLength +
    terminalRank.byteLength +
    terminalNodes.byteLength +
    terminalKey.byteLength +
    filter.byteLength +
    rowNode.byteLength;

  return {
    nodeCount,
    symbolCount,
    firstNonWordSymbol,
    spaceSymbol,
    symbolOf,
    classSymbol,
    unitClass,
    classOfUnit,
    firstChild,
    nodeSymbol,
    childOf,
    rootRow,
    terminalBits,
    terminalIndex,
    terminalNodes,
    terminalKey,
    filter,
    filterClasses: columns,
    unknownClass,
    interesting,
    rowNode,
    buildFilter,
    skipState,
    readyState,
    byteLength,
  };
}

function trieHeader(
  nodeCount: number,
  symbolCount: number,
  firstNonWordSymbol: number,
  classes: number,
  terminalCount: number,
  anyCase: boolean,
  interestingFirst: readonly number[],
): Int32Array {
  return Int32Array.from([
    nodeCount,
    symbolCount,
    firstNonWordSymbol,
    classes,
    terminalCount,
    anyCase === true ? 1 : 0,
    ...interestingFirst,
  ]);
}

function popCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
