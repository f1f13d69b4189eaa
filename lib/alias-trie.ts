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
 * the trie nodes reached from a word start through word characters only, as
 * many as fit a memory budget. A transition to INTERESTING means "this word
 * may hold a match": the word ends where a key ends, the path leaves the
 * budgeted part, or it crosses a space or punctuation. The scan then runs the
 * exact walk from the word start. Every other character costs two table
 * loads and no unpredictable branch. A text that ends inside a trie state is
 * checked by the caller.
 */
import { CHAR_IGNORE, CHAR_SPACE, CHAR_SURROGATE, CHAR_WORD, charFlags, FLAG_TABLE, FOLD_TABLE } from './fold-text';

// Local copies: bundlers and test runners may compile imported bindings to getters.
const WORD = CHAR_WORD;
const IGNORE = CHAR_IGNORE;
const SPACE = CHAR_SPACE;
const SURROGATE = CHAR_SURROGATE;
const flagsOf = charFlags;

/** Text unit classes (columns of the filter). Symbol `s` (1-based) is class `CLASS_SYMBOL_BASE + s`. */
export const CLASS_OTHER_NONWORD = 0;
export const CLASS_OTHER_WORD = 1;
export const CLASS_IGNORE_WORD = 2;
export const CLASS_IGNORE_NONWORD = 3;
export const CLASS_SPACE = 4;
export const CLASS_SURROGATE = 5;
export const CLASS_SYMBOL_BASE = 5;
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
      cls = symbol ? CLASS_SYMBOL_BASE + symbol : flags & WORD ? CLASS_OTHER_WORD : CLASS_OTHER_NONWORD;
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

  // The filter. Row 0 is SKIP, row 1 READY (the root), then trie nodes reached
  // through word symbols only, shallow first, while the budget lasts.
  const classes = CLASS_SYMBOL_BASE + symbolCount;
  const maxRows = Math.max(2, Math.floor(FILTER_BUDGET_BYTES / (4 * classes)));
  const filterRowOf = new Int32Array(nodeCount).fill(-1);
  const rowNodes: number[] = [-1, 0];
  filterRowOf[0] = 1;
  for (let node = 0; node < nodeCount && rowNodes.length < maxRows; node++) {
    if ((filterRowOf[node] as number) < 0) continue;
    const end = firstChild[node + 1] as number;
    for (let child = firstChild[node] as number; child < end && rowNodes.length < maxRows; child++) {
      if ((nodeSymbol[child] as number) >= firstNonWordSymbol) continue;
      filterRowOf[child] = rowNodes.length;
      rowNodes.push(child);
    }
  }
  const rows = rowNodes.length;
  const interesting = rows * classes;
  const skipState = 0;
  const readyState = classes;
  const filter = new Int32Array(rows * classes);
  const interestingFirst = new Set((options.interestingFirst ?? []).map(symbolOf));
  for (let row = 0; row < rows; row++) {
    const base = row * classes;
    const node = rowNodes[row] as number;
    const cell = (cls: number, state: number) => {
      filter[base + cls] = state;
    };
    cell(CLASS_OTHER_WORD, skipState);
    cell(CLASS_SURROGATE, interesting);
    if (node < 0) {
      cell(CLASS_OTHER_NONWORD, readyState);
      // SKIP: stay until a unit that is not part of a word.
      cell(CLASS_IGNORE_WORD, skipState);
      cell(CLASS_IGNORE_NONWORD, readyState);
      cell(CLASS_SPACE, readyState);
      for (let symbol = 1; symbol < symbolCount; symbol++) {
        cell(CLASS_SYMBOL_BASE + symbol, symbol < firstNonWordSymbol ? skipState : readyState);
      }
      continue;
    }
    const root = node === 0;
    // At a key's end, a unit that ends the word may complete a match.
    const wordEnd = isTerminal(node) ? interesting : readyState;
    cell(CLASS_OTHER_NONWORD, wordEnd);
    cell(CLASS_IGNORE_WORD, root ? skipState : base);
    cell(CLASS_IGNORE_NONWORD, root ? readyState : interesting);
    cell(CLASS_SPACE, spaceSymbol && childOf(node, spaceSymbol) ? interesting : wordEnd);
    for (let symbol = 1; symbol < symbolCount; symbol++) {
      const child = childOf(node, symbol);
      let state: number;
      if (root && interestingFirst.has(symbol)) state = interesting;
      else if (child === 0) state = symbol < firstNonWordSymbol ? skipState : wordEnd;
      else state = (filterRowOf[child] as number) >= 0 ? (filterRowOf[child] as number) * classes : interesting;
      cell(CLASS_SYMBOL_BASE + symbol, state);
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
