import { describe, expect, it } from '@jest/globals';
import { WaitingLine } from '../src/waiting-line.js';

describe('WaitingLine', () => {
  it('takes items first in, first out and reports its size', () => {
    const line = new WaitingLine<number>();
    expect(line.take()).toBeUndefined();
    [1, 2, 3].forEach((n) => line.push(n));
    expect(line.size).toBe(3);
    expect([line.take(), line.take()]).toEqual([1, 2]);
    line.push(4);
    expect([line.size, line.take(), line.take(), line.take(), line.size]).toEqual([2, 3, 4, undefined, 0]);
  });

  it('removes an item from the middle, and only once', () => {
    const line = new WaitingLine<string>();
    ['a', 'b', 'c'].forEach((s) => line.push(s));
    expect(line.remove('b')).toBe(true);
    expect(line.remove('b')).toBe(false);
    expect(line.remove('zzz')).toBe(false);
    expect(line.size).toBe(2);
    expect([line.take(), line.take(), line.take()]).toEqual(['a', 'c', undefined]);
  });

  it('does not find an item again once it was taken', () => {
    const line = new WaitingLine<string>();
    line.push('a');
    line.take();
    expect(line.remove('a')).toBe(false);
  });

  it('keeps order across compaction of many items', () => {
    const line = new WaitingLine<number>();
    const taken: number[] = [];
    for (let i = 0; i < 5000; i++) {
      line.push(i);
      if (i % 3 === 0) taken.push(line.take() as number);
    }
    for (let next = line.take(); next !== undefined; next = line.take()) taken.push(next);
    expect(taken).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('drain() returns what waits, oldest first, and empties the line', () => {
    const line = new WaitingLine<number>();
    [1, 2, 3, 4].forEach((n) => line.push(n));
    line.take();
    line.remove(3);
    expect(line.drain()).toEqual([2, 4]);
    expect(line.size).toBe(0);
    expect(line.take()).toBeUndefined();
  });

  it('puts an item back at the head of the line, before and after takes', () => {
    const line = new WaitingLine<string>();
    line.unshift('b');
    line.push('c');
    line.unshift('a');
    expect(line.size).toBe(3);
    expect(line.take()).toBe('a');
    line.unshift('again');
    expect([line.take(), line.take(), line.take(), line.take(), line.size]).toEqual(['again', 'b', 'c', undefined, 0]);
  });
});
