import { describe, expect, it } from "vitest";
import { NameTrie, type Entry, type RegionEntry } from "./address-index.js";

const node = (code: string): RegionEntry => ({ code, name: code, level: "community", community: code, grid: null });
const entry = (key: string, code: string, via: Entry["via"]): Entry => ({ key, target: { type: "node", node: node(code) }, via });

describe("NameTrie", () => {
  it("leaves a key two short forms share to neither", () => {
    const trie = new NameTrie();
    trie.insert(entry("金桥小区", "A", "short"));
    trie.insert(entry("金桥小区", "B", "short"));
    expect(trie.longestAt("金桥小区3幢", 0)).toBeNull();
  });

  it("still takes a higher-ranked name for a key that two short forms made ambiguous", () => {
    const trie = new NameTrie();
    trie.insert(entry("金桥小区", "A", "short"));
    trie.insert(entry("金桥小区", "B", "short"));
    trie.insert(entry("金桥小区", "C", "alias"));
    expect(trie.longestAt("金桥小区3幢", 0)?.target).toMatchObject({ node: { code: "C" } });
  });

  it("keeps a name over a later, lower-ranked form of the same key", () => {
    const trie = new NameTrie();
    trie.insert(entry("太屺村", "A", "name"));
    trie.insert(entry("太屺村", "B", "short"));
    expect(trie.longestAt("太屺村5组", 0)?.target).toMatchObject({ node: { code: "A" } });
  });
});
