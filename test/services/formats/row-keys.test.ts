import { describe, expect, it } from 'vitest';
import { PersonIndex, plainInteger, RowKeyTable } from '../../../src/services/formats/row-keys.ts';

describe('PersonIndex', () => {
  it('gives each distinct id its own dense index, numeric or not', () => {
    const index = new PersonIndex();
    const ids = ['6', '06', '+6', '6.0', ' 6', 'alice', '0', '00', '4194303', '4194304', '99999999', '', '٣'];
    ids.forEach((id, i) => {
      expect(index.get(id)).toBe(-1);
      expect(index.add(id)).toBe(i);
    });
    ids.forEach((id, i) => expect(index.get(id)).toBe(i));
    expect(index.size).toBe(ids.length);
    expect(index.get('7')).toBe(-1);
    expect(index.get('5000000')).toBe(-1);
  });

  it('grows past its first array for large numeric ids', () => {
    const index = new PersonIndex();
    for (let n = 0; n < 200_000; n += 7) index.add(String(n * 13));
    for (let n = 0; n < 200_000; n += 7) expect(index.get(String(n * 13))).toBe(n / 7);
    expect(index.get('1')).toBe(-1);
  });
});

describe('plainInteger', () => {
  it('reads only canonical decimal integers below 2^22', () => {
    expect(plainInteger('0')).toBe(0);
    expect(plainInteger('4194303')).toBe(4194303);
    for (const id of ['4194304', '01', '-1', '1e3', '1.5', '', 'x', '１']) expect(plainInteger(id)).toBe(-1);
  });
});

describe('RowKeyTable', () => {
  it('counts and remembers keys exactly across growth', () => {
    const table = new RowKeyTable(4);
    for (let i = 0; i < 5000; i++) expect(table.getOrSet(i % 50, i % 7, i * 0.5, i)).toBe(-1);
    for (let i = 0; i < 5000; i++) expect(table.getOrSet(i % 50, i % 7, i * 0.5, -5)).toBe(i);
    expect(table.increment(1, 2, 3)).toBe(0);
    expect(table.increment(1, 2, 3)).toBe(1);
    expect(table.increment(1, 2, -0.0001)).toBe(0);
  });
});
