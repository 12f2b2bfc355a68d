import { describe, expect, it } from "vitest";
import { LruMemo } from "./memo.js";

describe("LruMemo", () => {
  it("keeps at most its capacity, dropping the least recently used", () => {
    const memo = new LruMemo<number>(2);
    memo.set("a", 1);
    memo.set("b", 2);
    expect(memo.get("a")).toBe(1); // a is now the most recent
    memo.set("c", 3);
    expect(memo.size).toBe(2);
    expect(memo.get("b")).toBeUndefined();
    expect(memo.get("a")).toBe(1);
    expect(memo.get("c")).toBe(3);
  });

  it("replaces a value set again without growing", () => {
    const memo = new LruMemo<number>(2);
    memo.set("a", 1);
    memo.set("a", 5);
    expect(memo.size).toBe(1);
    expect(memo.get("a")).toBe(5);
  });

  it("remembers nothing with capacity 0", () => {
    const memo = new LruMemo<number>(0);
    memo.set("a", 1);
    expect(memo.get("a")).toBeUndefined();
    expect(memo.size).toBe(0);
  });
});
