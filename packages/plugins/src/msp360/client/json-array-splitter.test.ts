import { describe, expect, it } from "vitest";
import { JsonArraySplitError, JsonArraySplitter } from "./json-array-splitter.js";

// Strings that hold every character the splitter must not mistake for structure.
const tricky = [
  { PlanName: 'Daily "Files", {docs} [all]', ErrorMessage: "path C:\\Users\\x\\ failed\\", Note: "\\\"}]," },
  { Unicode: "café ✓ 😀 \u0000 \u2028", Nested: { list: [1, { deeper: "]}" }], empty: {} } },
  { Status: 2, Numbers: [-1.5e3, 0, 42], Flags: [true, false, null] },
];
const mixed = [...tricky, 7, "bare ] string, with \\ and \"", null, [1, [2, "]"]], { "": "" }];

function split(text: string, cuts: number[]): string[] {
  const splitter = new JsonArraySplitter();
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out.push(...splitter.push(text.slice(from, cut)));
    from = cut;
  }
  splitter.end();
  return out;
}

const parsed = (texts: string[]) => texts.map((text) => JSON.parse(text) as unknown);

// Deterministic, so a failure can be replayed.
function seeded(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe("JsonArraySplitter", () => {
  const text = JSON.stringify(mixed, null, 1);

  it("splits a whole array into its elements' source text", () => {
    expect(parsed(split(text, []))).toEqual(mixed);
  });

  it("gives the same elements whichever single place the text is cut", () => {
    for (let cut = 0; cut <= text.length; cut++) {
      expect(parsed(split(text, [cut]))).toEqual(mixed);
    }
  });

  it("handles one-character chunks, so every escape and quote is cut", () => {
    const cuts = Array.from({ length: text.length }, (_, i) => i);
    expect(parsed(split(text, cuts))).toEqual(mixed);
  });

  it("handles many random cuts in compact JSON", () => {
    const compact = JSON.stringify(mixed);
    const random = seeded(42);
    for (let round = 0; round < 200; round++) {
      const cuts = Array.from({ length: 12 }, () => Math.floor(random() * compact.length)).sort((a, b) => a - b);
      expect(parsed(split(compact, cuts))).toEqual(mixed);
    }
  });

  it("accepts empty arrays, surrounding whitespace and a byte order mark", () => {
    expect(split("[]", [])).toEqual([]);
    expect(split(" \n[ \t]\r\n", [2])).toEqual([]);
    expect(parsed(split('\uFEFF[{"a":1}]', [1]))).toEqual([{ a: 1 }]);
  });

  it("keeps an element's bare number whole across a cut", () => {
    expect(parsed(split("[12345,678]", [3, 7]))).toEqual([12345, 678]);
  });

  it.each([
    ["an object", '{"rows":[]}', "not a JSON array"],
    ["an HTML page", "<html>Service Unavailable</html>", "not a JSON array"],
    ["a leading comma", "[,1]", "empty element"],
    ["a double comma", "[1,,2]", "empty element"],
    ["a trailing comma", "[1,]", "empty element"],
    ["a missing comma", '[{"a":1}{"b":2}]', "missing a comma"],
    ["text after the array", "[1] x", "after the JSON array"],
  ])("refuses %s", (_, bad, message) => {
    expect(() => split(bad, [])).toThrow(message);
  });

  it.each([["[", 0], ['[{"a":"unterminated', 5], ['[{"a":1}', 3], ['[{"a":1},', 4]])("refuses %j when it ends early", (bad, cut) => {
    expect(() => split(bad, [cut])).toThrow(JsonArraySplitError);
  });

  it("refuses an element longer than the limit instead of buffering it", () => {
    const splitter = new JsonArraySplitter({ maxElementChars: 100 });
    splitter.push('[{"a":"');
    expect(() => splitter.push("x".repeat(200))).toThrow("longer than 100 characters");
  });
});
