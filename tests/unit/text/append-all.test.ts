import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAll } from '@/lib/text/append-all';

const ROOT = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('appendAll', () => {
  it('appends far more items than a spread call can take as arguments', () => {
    const big = Array.from({ length: 1_000_000 }, (_, n) => n);
    expect(() => [0].push(...big)).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, big)).toBe(target);
    expect(target).toHaveLength(1_000_001);
    expect(target[1_000_000]).toBe(999_999);
  });

  it('appends any iterable, in order', () => {
    expect(appendAll(['a'], new Set(['b', 'c']))).toEqual(['a', 'b', 'c']);
  });

  it('is used instead of spreading arrays into push, unshift, Math.max/min or fromCharCode anywhere in the product', () => {
    const spread =
      /\.(?:push|unshift)\(\s*\.\.\.|Math\.(?:max|min)\(\s*\.\.\.|from(?:Char|Code)(?:Code|Point)\(\s*\.\.\./;
    const offenders = ['lib', 'entrypoints', 'components'].flatMap((dir) =>
      sourceFiles(join(ROOT, dir)).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, at) =>
            spread.test(line) && !/^\s*(\*|\/\/)/.test(line)
              ? [`${relative(ROOT, file)}:${at + 1}: ${line.trim()}`]
              : [],
          ),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
