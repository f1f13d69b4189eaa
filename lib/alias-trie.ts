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
 * keys, or the few with such an alias. Most words of a text start in lower
 * case and are skipped at their first letter. A text that ends inside a trie
 * state is checked by the caller.
 */
import {
  CHAR_IGNORE,
  CHAR_LOWER,
  CHAR_SPACE,
  CHAR_SURROGATE,
  CHAR_UPPER,
  CHAR_WORD,
  charFlags,
  FLAG_TABLE,
  FOLD_TABLE,
} from './fold-text';

// Local copies: bundlers and test runners may compile imported bindings to getters.
const WORD = CHAR_WORD;
const IGNORE = CHAR_IGNORE;
const SPACE = CHAR_SPACE;
const SURROGATE = CHAR_SURROGATE;
const LOWER = CHAR_LOWER;
const UPPER = CHAR_UPPER;
const flagsOf = charFlags;

/**
 * Text unit classes (columns of the filter). Symbol `s` (1-based) has two:
 * `CLASS_SYMBOL_BASE + 2s` for an upper-case or uncased unit and
 * `CLASS_SYMBOL_BASE + 2s + 1` for a lower-case one; so `s = (class - CLASS_SYMBOL_BASE) >> 1`.
 */
export const CLASS_OTHER_NONWORD = 0;
export const CLASS_OTHER_WORD = 1;
export const CLASS_IGNORE_WORD = 2;
export const CLASS_IGNORE_NONWORD = 3;
export const CLASS_SPACE = 4;
export const CLASS_SURROGATE = 5;
export const CLASS_SYMBOL_BASE = 4;
/** The first class that stands for a symbol. */
export const CLASS_FIRST_SYMBOL = 6;
export const CLASS_UNKNOWN = 0xffff;

/** Units below this (Latin to Arabic, and General Punctuation's quotes, dashes and spaces) get a class table. */
export const UNIT_CLASS_TABLE_SIZE = 0x2070;

/** Nodes with at least this many children get a dense row (one slot per symbol). */
const DENSE_MIN_CHILDREN = 6;
/** Folded codes below this map to symbols through a table, above through a Map (rare scripts). */
const SYMBOL_TABLE_LIMIT = 0x3000;
/** Bytes the filter may take: more states mean fewer exact walks. */
const FILTER_BUDGET_BYTES = 192 * 1024;

export interface AliasTrie {
  nodeCount: number;
  /** Symbols 1 to `symbolCount - 1`; word symbols come first, from `firstNonWordSymbol` on they are punctuation or space. */
  symbolCount: number;
  firstNonWordSymbol: number;
  spaceSymbol: number;
  /** Folded code to symbol, 0 if no key uses it. */
  symbolOf(code: number): number;
  /** Class of a text unit below {@link UNIT_CLASS_TABLE_SIZE}, or CLASS_UNKNOWN until {@link classOfUnit} has seen it. */
  unitClass: Uint16Array;
  /** Class of any text unit (fills `unitClass`). */
  classOfUnit(c: number): number;
  firstChild: Int32Array;
  nodeSymbol: Uint16Array;
  /** Child of `node` through `symbol`, 0 if none (the root is never a child). */
  childOf(node: number, symbol: number): number;
  /** Dense root row: `rootRow[symbol]` is the root's child. */
  rootRow: Int32Array;
  terminalBits: Int32Array;
  /** Terminal node ids, ascending, and the index (into the sorted keys) of the key each one ends. */
  terminalNodes: Int32Array;
  terminalKey: Int32Array;
  /** The filter: `filter[state + class]` is the next state; states are row offsets. */
  filter: Int32Array;
  filterClasses: number;
  /** States at or above this mean INTERESTING. */
  interesting: number;
  /** Trie node of each filter row (-1 for SKIP). */
  rowNode: Int32Array;
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
}

/**
 * Builds the trie and its filter from distinct folded keys, sorted by code unit.
 *
 * @example const trie = buildAliasTrie(['hezbollah', 'israel', 'israel katz']);
 */
export function buildAliasTrie(sortedKeys: readonly string[], options: AliasTrieOptions = {}): AliasTrie {
  // Symbols, word units first.
  const codes = new Set<number>(options.extraCodes ?? []);
  for (const key of sortedKeys) for (let k = 0; k < key.length; k++) codes.add(key.charCodeAt(k));
  const isWordCode = (code: number) => (flagsOf(code) & WORD) !== 0;
  const sortedCodes = [...codes].sort((a, b) => Number(isWordCode(b)) - Number(isWordCode(a)) || a - b);
  const symbolCount = sortedCodes.length + 1;
  const firstNonWordSymbol = sortedCodes.filter(isWordCode).length + 1;
  const symbolTable = new Uint16Array(Math.min(SYMBOL_TABLE_LIMIT, Math.max(0x20, ...sortedCodes) + 1));
  const symbolTableLength = symbolTable.length;
  const bigSymbols = new Map<number, number>();
  sortedCodes.forEach((code, index) => {
    if (code < symbolTableLength) symbolTable[code] = index + 1;
    else bigSymbols.set(code, index + 1);
  });
  const symbolOf = (code: number): number =>
    code < symbolTableLength ? (symbolTable[code] as number) : (bigSymbols.get(code) ?? 0);
  const spaceSymbol = symbolOf(0x20);

  const unitClass = new Uint16Array(UNIT_CLASS_TABLE_SIZE).fill(CLASS_UNKNOWN);
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
      const lower = (flags & (LOWER | UPPER)) === LOWER ? 1 : 0;
      cls = symbol ? CLASS_SYMBOL_BASE + 2 * symbol + lower : flags & WORD ? CLASS_OTHER_WORD : CLASS_OTHER_NONWORD;
    }
    if (c < UNIT_CLASS_TABLE_SIZE) unitClass[c] = cls;
    return cls;
  }

  // The trie, breadth-first from ranges of the sorted keys: the keys under a
  // node share its prefix, and a key equal to the prefix sorts first.
  let maxNodes = 1;
  for (const key of sortedKeys) maxNodes += key.length;
  const firstChildBuild = new Int32Array(maxNodes + 1);
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
    firstChildBuild[node] = nodeCount;
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
  }
  firstChildBuild[nodeCount] = nodeCount;
  const firstChild = firstChildBuild.slice(0, nodeCount + 1);
  const nodeSymbol = nodeSymbolBuild.slice(0, nodeCount);
  const terminalNodes = Int32Array.from(terminalNodeList);
  const terminalKey = Int32Array.from(terminalKeyList);
  const terminalBits = new Int32Array((nodeCount >>> 5) + 1);
  for (const node of terminalNodeList)
    terminalBits[node >>> 5] = (terminalBits[node >>> 5] as number) | (1 << (node & 31));
  const isTerminal = (node: number) => ((terminalBits[node >>> 5] as number) & (1 << (node & 31))) !== 0;

  // Dense rows for wide nodes; breadth-first numbering keeps them at small ids.
  let denseRows = 0;
  let denseLimit = 1;
  for (let node = 0; node < nodeCount; node++) {
    if (node === 0 || (firstChild[node + 1] as number) - (firstChild[node] as number) >= DENSE_MIN_CHILDREN) {
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
    for (let child = begin; child < end; child++) dense[row * symbolCount + (nodeSymbol[child] as number)] = child;
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

  // Nodes on a path to a key that a lower-case word may match.
  const lowerStart = options.lowerStart ?? [];
  const lowerReach = new Uint8Array(nodeCount);
  const lowerEnd = new Uint8Array(nodeCount);
  terminalNodeList.forEach((node, t) => {
    if (lowerStart[terminalKeyList[t] as number]) lowerEnd[node] = 1;
  });
  for (let node = nodeCount - 1; node > 0; node--) {
    if (lowerEnd[node] || lowerReach[node]) lowerReach[parentBuild[node] as number] = 1;
    if (lowerEnd[node]) lowerReach[node] = 1;
  }

  // The filter. Row 0 is SKIP, row 1 READY (the root); then trie nodes reached
  // through word symbols only, shallow first, while the budget lasts: a row
  // for the node as reached from any word, and one more for nodes on a path
  // a lower-case word can follow.
  const classes = CLASS_SYMBOL_BASE + 2 * symbolCount;
  const maxRows = Math.max(2, Math.floor(FILTER_BUDGET_BYTES / (4 * classes)));
  const rowOfNode = new Int32Array(nodeCount).fill(-1);
  const lowerRowOfNode = new Int32Array(nodeCount).fill(-1);
  const rowNodes: number[] = [-1, 0];
  const rowIsLower: boolean[] = [false, false];
  rowOfNode[0] = 1;
  const isWordSymbol = (symbol: number) => symbol < firstNonWordSymbol;
  // Lower-case paths first: they are few, and most words of a text take them.
  for (let node = 0; node < nodeCount && rowNodes.length < maxRows; node++) {
    if (node !== 0 && (lowerRowOfNode[node] as number) < 0) continue;
    const end = firstChild[node + 1] as number;
    for (let child = firstChild[node] as number; child < end && rowNodes.length < maxRows; child++) {
      if (!isWordSymbol(nodeSymbol[child] as number) || !lowerReach[child]) continue;
      lowerRowOfNode[child] = rowNodes.length;
      rowNodes.push(child);
      rowIsLower.push(true);
    }
  }
  for (let node = 0; node < nodeCount && rowNodes.length < maxRows; node++) {
    if ((rowOfNode[node] as number) < 0) continue;
    const end = firstChild[node + 1] as number;
    for (let child = firstChild[node] as number; child < end && rowNodes.length < maxRows; child++) {
      if (!isWordSymbol(nodeSymbol[child] as number)) continue;
      rowOfNode[child] = rowNodes.length;
      rowNodes.push(child);
      rowIsLower.push(false);
    }
  }
  const rows = rowNodes.length;
  const interesting = rows * classes;
  const skipState = 0;
  const readyState = classes;
  const filter = new Int32Array(rows * classes);
  const interestingFirst = new Set((options.interestingFirst ?? []).map(symbolOf));
  const stateOf = (row: number) => (row >= 0 ? row * classes : interesting);
  for (let row = 0; row < rows; row++) {
    const base = row * classes;
    const node = rowNodes[row] as number;
    const lowerPath = rowIsLower[row] as boolean;
    const cell = (cls: number, state: number) => {
      filter[base + cls] = state;
    };
    const symbolCells = (symbol: number, state: number) => {
      cell(CLASS_SYMBOL_BASE + 2 * symbol, state);
      cell(CLASS_SYMBOL_BASE + 2 * symbol + 1, state);
    };
    cell(CLASS_OTHER_WORD, skipState);
    cell(CLASS_SURROGATE, interesting);
    if (node < 0) {
      // SKIP: stay until a unit that is not part of a word.
      cell(CLASS_OTHER_NONWORD, readyState);
      cell(CLASS_IGNORE_WORD, skipState);
      cell(CLASS_IGNORE_NONWORD, readyState);
      cell(CLASS_SPACE, readyState);
      for (let symbol = 1; symbol < symbolCount; symbol++) {
        symbolCells(symbol, isWordSymbol(symbol) ? skipState : readyState);
      }
      continue;
    }
    const root = node === 0;
    // On a lower-case path, only the keys a lower-case word may match count.
    const counts = (child: number) => child !== 0 && (!lowerPath || lowerReach[child] === 1);
    const keyEnds = isTerminal(node) && (!lowerPath || lowerEnd[node] === 1);
    // At a key's end, a unit that ends the word may complete a match.
    const wordEnd = keyEnds ? interesting : readyState;
    const spaceChild = spaceSymbol ? childOf(node, spaceSymbol) : 0;
    cell(CLASS_OTHER_NONWORD, wordEnd);
    cell(CLASS_IGNORE_WORD, root ? skipState : base);
    cell(CLASS_IGNORE_NONWORD, root ? readyState : interesting);
    cell(CLASS_SPACE, counts(spaceChild) ? interesting : wordEnd);
    for (let symbol = 1; symbol < symbolCount; symbol++) {
      const child = childOf(node, symbol);
      const noChild = isWordSymbol(symbol) ? skipState : wordEnd;
      if (root && interestingFirst.has(symbol)) {
        symbolCells(symbol, interesting);
      } else if (root) {
        // The first letter's case picks the path.
        const word = isWordSymbol(symbol);
        let upper = noChild;
        if (child) upper = word ? stateOf(rowOfNode[child] as number) : interesting;
        let lower = noChild;
        if (child && lowerReach[child]) lower = word ? stateOf(lowerRowOfNode[child] as number) : interesting;
        cell(CLASS_SYMBOL_BASE + 2 * symbol, upper);
        cell(CLASS_SYMBOL_BASE + 2 * symbol + 1, lower);
      } else if (!counts(child)) {
        symbolCells(symbol, noChild);
      } else if (!isWordSymbol(symbol)) {
        symbolCells(symbol, interesting);
      } else {
        symbolCells(symbol, stateOf((lowerPath ? lowerRowOfNode[child] : rowOfNode[child]) as number));
      }
    }
  }

  const byteLength =
    unitClass.byteLength +
    symbolTable.byteLength +
    firstChild.byteLength +
    nodeSymbol.byteLength +
    rowOf.byteLength +
    dense.byteLength +
    terminalBits.byteLength +
    terminalNodes.byteLength +
    terminalKey.byteLength +
    filter.byteLength +
    rows * 4;

  return {
    nodeCount,
    symbolCount,
    firstNonWordSymbol,
    spaceSymbol,
    symbolOf,
    unitClass,
    classOfUnit,
    firstChild,
    nodeSymbol,
    childOf,
    rootRow,
    terminalBits,
    terminalNodes,
    terminalKey,
    filter,
    filterClasses: classes,
    interesting,
    rowNode: Int32Array.from(rowNodes),
    skipState,
    readyState,
    byteLength,
  };
}
